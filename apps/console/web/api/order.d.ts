// Generated from docs/openapi/order.json by scripts/tools/console-api.mjs: do not edit.
export interface paths {
    "/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Place an order
         * @description Saved as PLACED with one fulfilment group per pickup store or delivery; inventory then reserves every line (pickup: RESERVED or AWAITING_TRANSFER; delivery: RESERVED at the locations that ship it, split when no single one has everything) or rejects the order (REJECTED). A POS token places for its own store (endless aisle), with the payment it took as capturedTenders. Every unitPrice must be the price list's price in force for the sale (PUT /price-list/{sku}; a POS's own store price for a POS); only a caller with prices:override may state another, and order.placed records it as priceOverride.
         */
        post: operations["Orders_place"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An order, its lines, promise, cancellation and payments */
        get: operations["Orders_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The order as it changes, as server-sent events
         * @description text/event-stream: an `order` event with the order (the body of GET /orders/{id}, without payments and cart) now, then one at each change of its state, until the order is final (COLLECTED, EXPIRED, CANCELLED, REJECTED, DELIVERED, DELIVERY_FAILED, COMPLETED, CLOSED) or the caller closes it. A storefront is told without polling. Each event's id is the time of the change; a comment line every 15 s keeps proxies from closing an idle stream.
         */
        get: operations["Orders_events"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an order as its customer
         * @description Releases the stock and requests a refund of what was captured.
         */
        post: operations["Orders_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/pick-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What the location has to pick: its pickups and deliveries with units still owed */
        get: operations["Stores_pickList"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/orders/{id}/picking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start picking a reserved order */
        post: operations["Stores_startPicking"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/orders/{id}/picks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record the units found per line
         * @description Pickup — all found: READY_FOR_PICKUP with a pickup code sent to the customer; fewer: a short pick, re-sourced or cancelled and refunded. Delivery — all found: PACKED, ready to ship; fewer: a short pick, re-sourced by transfer to the shipping location or cancelled and refunded.
         */
        post: operations["Stores_picks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/orders/{id}/collect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand the order over at the POS against its pickup code
         * @description Five wrong codes lock the pickup.
         */
        post: operations["Stores_collect"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/orders/{id}/collect-with-identity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand the order over at the POS against an identity document, without the code
         * @description For a customer without the pickup code (lost, never received, or the pickup locked after wrong codes): the associate checks an identity document whose name is the order's contact name. The token must name its associate (associate_id); the document kind, the last four characters of its number and the associate are published in order.collected (identityCheck).
         */
        post: operations["Stores_collectWithIdentity"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/orders/{id}/pickup-unlock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lift the lock of a pickup after wrong codes, as a store supervisor
         * @description For a pickup locked after five wrong codes (PICKUP.LOCKED), once a supervisor has checked the customer at the counter. The wrong codes are forgotten and the customer gives the right code again to collect; the supervisor (the token's associate_id, else its sub) and the reason are published in order.pickup-unlocked.
         */
        post: operations["Stores_unlockPickup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/orders/{id}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hand a packed delivery to the carrier
         * @description Records carrier and tracking number; the units leave the location, the payment is captured (unless paid at a POS) and the customer is told.
         */
        post: operations["Stores_ship"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an order as the store
         * @description Releases the stock and requests a refund of what was captured.
         */
        post: operations["Stores_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/fulfilments/{id}/delivery-outcome": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report how a shipped delivery ended
         * @description DELIVERED closes the group; DELIVERY.REFUSED or DELIVERY.LOST records the failure and requests the refund.
         */
        post: operations["Deliveries_outcome"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/preorder-products/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A preorder product */
        get: operations["PreorderProducts_get"];
        /**
         * Define a preorder product, or change it
         * @description A new release date reaches every open preorder of the product; a later one is told to each customer.
         */
        put: operations["PreorderProducts_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/price-list/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The prices of a SKU */
        get: operations["PriceList_get"];
        /**
         * Replace the prices of a SKU
         * @description Per currency: a general price and store prices, each from a date and possibly until one. Open carts take the new prices when they next move or check out; orders already placed keep theirs.
         */
        put: operations["PriceList_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/price-list/{sku}/price": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The unit price of a SKU in force for a sale
         * @description The most specific price in force now for the currency, store and channel — the store's own in that channel, the store's own, the channel's own, else the general one — as every placement (direct, cart, POS, replacement) is priced. What a till shows before it sells or exchanges.
         */
        get: operations["PriceList_priceInForce"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/channel-credit/{storeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A store's channel credit for a period */
        get: operations["ChannelCredit_credit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payment-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Payment requests the payment system refused
         * @description Every FAILED capture and refund, the oldest failure first, with the reason the payment system gave.
         */
        get: operations["PaymentRequests_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/payment-requests/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a refused payment request again
         * @description The same capture, or the same refund under its refundId, goes to the payment system again; the request is REQUESTED until it answers. Audited in the log with the caller.
         */
        post: operations["PaymentRequests_retry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/carts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a cart, or continue the signed-in customer's open cart
         * @description A customer token with an open cart gets that cart back (200), continued in this channel and re-checked; otherwise a new cart (201). A guest cart has no owner and is reached by its id.
         */
        post: operations["Carts_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/carts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A cart */
        get: operations["Carts_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/carts/{id}/lines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Replace the lines of an open cart
         * @description A SKU already in the cart keeps the price it was first added with as reference: the answer lists the lines whose price now differs.
         */
        put: operations["Carts_replaceLines"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/carts/{id}/continue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Continue a cart in another channel
         * @description Moves the cart to the channel (a POS: its store) and re-checks availability and prices.
         */
        post: operations["Carts_continue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/carts/{id}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * On sign-in, merge a guest cart into the customer's cart
         * @description Needs a customer token. The guest cart's lines join the customer's open cart (a SKU in both: quantities add up at the customer cart's price) and the guest cart becomes MERGED; a customer without an open cart takes the guest cart as theirs. The result is re-checked.
         */
        post: operations["Carts_merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/carts/{id}/handoff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A handoff code to continue the cart with a store associate
         * @description An 8-character code, valid 15 minutes and once; only its hash is kept. A new code replaces the previous one.
         */
        post: operations["Carts_handoff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/carts/{id}/checkout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Place the order from the cart
         * @description All the cart's lines in one group: pickup at storeId (default: the POS's store) or delivery to address. The order records where the cart began (order.placed `cart`) and where it finished (its channel and placedAtStoreId); the cart becomes CHECKED_OUT in the same transaction. A POS must have claimed the cart first.
         */
        post: operations["Carts_checkout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{accountId}/cart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in customer's open cart, the same on every channel */
        get: operations["Carts_ofCustomer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/carts/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim a customer's cart with its handoff code and continue it at this store
         * @description The code works once. The answer lists what the re-check found (availability at this store, prices).
         */
        post: operations["StoreCarts_claim"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kpis/carts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Carts per started channel, last channel and day or hour
         * @description Carts started in the window, by the channel they began in and the one they were last continued in (app → web, web → a store's POS through a handoff), and how they stand: checked out, abandoned, merged, open; conversion and abandonment rates. storeId counts the carts started or continued at that store; channel is the started channel. kpis:read; a store token (store_id) sees its own store's carts only.
         */
        get: operations["Kpis_carts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kpis/channel-credit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Channel credit per store, channel and day or hour
         * @description What each store did for the orders of each channel they began in, each counted when it happened: sold at its POS (placed), collected there or shipped from there for orders begun elsewhere, and returns and exchanges it took back of orders begun elsewhere, with their value. The same rules as GET /channel-credit/{storeId}, over time. channel is the channel the orders began in. kpis:read; a store token (store_id) sees its own store only.
         */
        get: operations["Kpis_channelCredit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: the process works
         * @description Public (no token); for the liveness probe.
         */
        get: operations["Health_live"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: PostgreSQL and Kafka reachable
         * @description Public (no token); for the readiness probe. 503 names each dependency that is down.
         */
        get: operations["Health_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description Public (no token), not rate limited; Prometheus text format. See docs/operations.md.
         */
        get: operations["Metrics_scrape"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        OrderLineDto: {
            /**
             * @description stock keeping unit
             * @example SKU-1
             */
            sku: string;
            /** @example 2 */
            quantity: number;
            /**
             * @description price of one unit in minor units (cents) of the currency
             * @example 8900
             */
            unitPrice: number;
        };
        AddressDto: {
            /** @example Ada Martin */
            name: string;
            /** @example 3 rue Oberkampf */
            line1: string;
            line2?: string;
            /** @example 75011 */
            postcode: string;
            /** @example Paris */
            city: string;
            /**
             * @description ISO 3166-1 alpha-2
             * @example FR
             */
            country: string;
        };
        FulfilmentDto: {
            /**
             * @description pickup: collected at storeId; delivery: shipped to address
             * @enum {string}
             */
            type: "pickup" | "delivery";
            /**
             * @description pickup store (pickup only)
             * @example PARIS
             */
            storeId?: string;
            /** @description delivery address (delivery only) */
            address?: components["schemas"]["AddressDto"];
            lines: components["schemas"]["OrderLineDto"][];
            /** @description a preorder (products not released yet; docs/preorders.md): a pickup is collected at its store, a delivery ships from the warehouse where it waits in line */
            preorder?: boolean;
        };
        ContactDto: {
            /** @example ada@example.com */
            email?: string | null;
            /** @example +33 6 12 34 56 78 */
            phone?: string | null;
            /** @example LOY-000123 */
            loyaltyId?: string | null;
            /** @example Ada Martin */
            name?: string | null;
            /** @example 75011 */
            postcode?: string | null;
        };
        CapturedTenderDto: {
            /** @enum {string} */
            tender: "card" | "cash" | "gift-card" | "store-credit";
            /** @description minor units captured */
            amount: number;
            /**
             * @description terminal or payment reference
             * @example POS-PARIS-0042
             */
            reference: string;
        };
        PlaceOrderDto: {
            /**
             * @description sales channel the order was placed in
             * @example web
             * @enum {string}
             */
            channel: "web" | "app" | "pos" | "call-centre" | "marketplace";
            /**
             * @description store where the customer collects the order (shorthand for one pickup group, with lines)
             * @example PARIS
             */
            storeId?: string;
            /** @description lines of the pickup at storeId */
            lines?: components["schemas"]["OrderLineDto"][];
            /** @description the groups of the order (instead of storeId + lines) */
            fulfilments?: components["schemas"]["FulfilmentDto"][];
            /**
             * @description customer, when known; the order appears on their timeline; absent or null: a guest
             * @example cust-42
             */
            customerId?: string | null;
            /** @description how to reach the customer: a guest's only identity */
            contact?: components["schemas"]["ContactDto"];
            /**
             * @description ISO 4217 currency code
             * @example EUR
             */
            currency: string;
            /** @description payment already taken (at a POS): must add up to the order total */
            capturedTenders?: components["schemas"]["CapturedTenderDto"][];
        };
        ContactView: {
            email: string | null;
            phone: string | null;
            loyaltyId: string | null;
            name: string | null;
            postcode: string | null;
        };
        OrderLineView: {
            /**
             * Format: uuid
             * @description line id, used by picks
             */
            lineId: string;
            /** @example SKU-1 */
            sku: string;
            /**
             * @description units ordered
             * @example 2
             */
            quantity: number;
            /**
             * @description price of one unit in minor units of the currency
             * @example 8900
             */
            unitPrice: number;
            /** @description units picked so far */
            pickedQuantity: number;
            /** @description units cancelled (short pick not re-sourced) */
            cancelledQuantity: number;
            /** @description quantity − cancelledQuantity */
            remainingQuantity: number;
            /** @description location the units are reserved at */
            sourceLocationId: string | null;
            /**
             * Format: uuid
             * @description transfer bringing the units to the store, while pending
             */
            pendingTransferId: string | null;
        };
        AddressView: {
            /** @example Ada Martin */
            name: string;
            /** @example 3 rue Oberkampf */
            line1: string;
            line2: string | null;
            /** @example 75011 */
            postcode: string;
            /** @example Paris */
            city: string;
            /**
             * @description ISO 3166-1 alpha-2
             * @example FR
             */
            country: string;
        };
        CancellationView: {
            /**
             * @description who cancelled
             * @enum {string}
             */
            by: "customer" | "store" | "system";
            /** @example CUSTOMER.REQUEST */
            reason: string | null;
            /** Format: date-time */
            at: string | null;
        };
        PreorderLineView: {
            /** Format: uuid */
            lineId: string;
            /** @description place in line for the SKU at the store, in placement order */
            sequence: number | null;
            /** @description place among those still waiting; null once units are allocated */
            position: number | null;
            /**
             * Format: date-time
             * @description when the units should be at the store
             */
            estimatedAt: string | null;
        };
        PreorderView: {
            /**
             * Format: date-time
             * @description not collectable before
             */
            releaseAt: string;
            /**
             * Format: date-time
             * @description the later of the release date and the expected arrival; null while no supply is planned
             */
            estimatedAvailableAt: string | null;
            /** @description place in line (the furthest of its lines); null once allocated */
            position: number | null;
            lines: components["schemas"]["PreorderLineView"][];
        };
        ShipmentView: {
            /** @example Colissimo */
            carrier: string | null;
            trackingNumber: string | null;
            /** Format: date-time */
            packedAt: string | null;
            /** Format: date-time */
            shippedAt: string | null;
            /** Format: date-time */
            deliveredAt: string | null;
            /** @enum {string|null} */
            failure: "DELIVERY.REFUSED" | "DELIVERY.LOST" | null;
        };
        FulfilmentView: {
            /**
             * Format: uuid
             * @description fulfilment group id, used by the location and carrier endpoints
             */
            fulfilmentId: string;
            /** @enum {string} */
            type: "pickup" | "delivery";
            /**
             * @example RESERVED
             * @enum {string}
             */
            status: "PLACED" | "PREORDERED" | "ALLOCATED" | "RESERVED" | "AWAITING_TRANSFER" | "PICKING" | "RESOURCING" | "PARTIALLY_READY" | "READY_FOR_PICKUP" | "COLLECTED" | "EXPIRED" | "PACKED" | "SHIPPED" | "DELIVERED" | "DELIVERY_FAILED" | "CANCELLED" | "REJECTED";
            /** @description pickup store, or the location shipping a delivery (null until chosen) */
            storeId: string | null;
            /** @description delivery address */
            address: components["schemas"]["AddressView"] | null;
            lines: components["schemas"]["OrderLineView"][];
            rejectionReason: string | null;
            /**
             * Format: date-time
             * @description promised pickup time
             */
            readyBy: string | null;
            /** Format: date-time */
            pickupDeadline: string | null;
            pickupLocked: boolean;
            cancellation: components["schemas"]["CancellationView"] | null;
            /** Format: date-time */
            collectedAt: string | null;
            /** Format: date-time */
            expiredAt: string | null;
            /** @description preorders only */
            preorder: components["schemas"]["PreorderView"] | null;
            /** @description deliveries only */
            shipment: components["schemas"]["ShipmentView"] | null;
            /** Format: date-time */
            updatedAt: string;
        };
        TenderView: {
            /** @enum {string} */
            tender: "card" | "cash" | "gift-card" | "store-credit";
            /** @description minor units */
            amount: number;
            /** @example POS-PARIS-0042 */
            reference: string;
        };
        PaymentRequestView: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "capture" | "refund";
            /** @description minor units */
            amount: number;
            reason: string | null;
            /**
             * @description FAILED: the payment system refused it; parked until an operator retries it (POST /payment-requests/:id/retry)
             * @enum {string}
             */
            status: "REQUESTED" | "DONE" | "FAILED";
            /** Format: date-time */
            requestedAt: string;
            /** @description amount the payment system reported done */
            doneAmount: number | null;
            /** Format: date-time */
            doneAt: string | null;
            /**
             * @description FAILED: the payment system's reason
             * @example CARD.DECLINED
             */
            failureReason: string | null;
            /** Format: date-time */
            failedAt: string | null;
            /** @description requests sent to the payment system: 1, plus one per retry */
            attempts: number;
        };
        PaymentView: {
            /** @description minor units paid when the order was placed (e.g. at a POS) */
            capturedAtPlacement: number;
            tenders: components["schemas"]["TenderView"][];
            /** @description minor units requested for capture */
            captureRequested: number;
            /** @description minor units captured */
            captured: number;
            /** @description minor units requested for refund */
            refundRequested: number;
            /** @description minor units refunded */
            refunded: number;
            requests: components["schemas"]["PaymentRequestView"][];
        };
        OrderCartView: {
            /** Format: uuid */
            cartId: string;
            /**
             * @description channel the cart was started in
             * @enum {string}
             */
            startedChannel: "web" | "app" | "pos" | "call-centre" | "marketplace";
            /** @description store the cart was started in (POS) */
            startedStoreId: string | null;
            /** Format: date-time */
            startedAt: string;
            /**
             * @description channel the cart was checked out in (the order channel)
             * @enum {string}
             */
            finishedChannel: "web" | "app" | "pos" | "call-centre" | "marketplace";
            /** @description store the cart was checked out at (POS) */
            finishedStoreId: string | null;
        };
        OrderView: {
            /** Format: uuid */
            id: string;
            /**
             * @example RESERVED
             * @enum {string}
             */
            status: "PLACED" | "PREORDERED" | "ALLOCATED" | "RESERVED" | "AWAITING_TRANSFER" | "PICKING" | "RESOURCING" | "PARTIALLY_READY" | "READY_FOR_PICKUP" | "COLLECTED" | "EXPIRED" | "PACKED" | "SHIPPED" | "DELIVERED" | "DELIVERY_FAILED" | "CANCELLED" | "REJECTED" | "IN_PROGRESS" | "PARTIALLY_FULFILLED" | "COMPLETED" | "CLOSED";
            /** @enum {string} */
            channel: "web" | "app" | "pos" | "call-centre" | "marketplace";
            /** @description store whose POS placed the order */
            placedAtStoreId: string | null;
            /**
             * @description the pickup store, when the order has exactly one pickup group
             * @example PARIS-01
             */
            storeId: string | null;
            customerId: string | null;
            contact: components["schemas"]["ContactView"] | null;
            /**
             * @description ISO 4217
             * @example EUR
             */
            currency: string;
            /** @description every line of every group */
            lines: components["schemas"]["OrderLineView"][];
            fulfilments: components["schemas"]["FulfilmentView"][];
            /**
             * @description this and the pickup fields below: those of the only group, null with several
             * @example STOCK.INSUFFICIENT
             */
            rejectionReason: string | null;
            /**
             * Format: date-time
             * @description promised pickup time
             */
            readyBy: string | null;
            /**
             * Format: date-time
             * @description the order expires if not collected by then
             */
            pickupDeadline: string | null;
            /** @description too many wrong pickup codes */
            pickupLocked: boolean;
            cancellation: components["schemas"]["CancellationView"] | null;
            /** Format: date-time */
            collectedAt: string | null;
            /** Format: date-time */
            expiredAt: string | null;
            payment: components["schemas"]["PaymentView"];
            /** @description the cart the order was checked out from: where it began and finished (docs/carts.md); null when placed directly */
            cart?: components["schemas"]["OrderCartView"] | null;
            /** Format: date-time */
            placedAt: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CustomerCancelDto: {
            /**
             * @description defaults to CUSTOMER.REQUEST
             * @example changed my mind
             */
            reason?: string;
        };
        PickListLineView: {
            /** Format: uuid */
            lineId: string;
            /** @example SKU-1 */
            sku: string;
            /** @description units the line still owes */
            quantity: number;
            /** @description units picked so far */
            pickedQuantity: number;
        };
        PickListOrderView: {
            /** Format: uuid */
            orderId: string;
            /** Format: uuid */
            fulfilmentId: string;
            /**
             * @description pickup: the customer collects here; delivery: pack and ship it
             * @enum {string}
             */
            type: "pickup" | "delivery";
            /** @enum {string} */
            status: "PLACED" | "PREORDERED" | "ALLOCATED" | "RESERVED" | "AWAITING_TRANSFER" | "PICKING" | "RESOURCING" | "PARTIALLY_READY" | "READY_FOR_PICKUP" | "COLLECTED" | "EXPIRED" | "PACKED" | "SHIPPED" | "DELIVERED" | "DELIVERY_FAILED" | "CANCELLED" | "REJECTED";
            /** Format: date-time */
            readyBy: string | null;
            lines: components["schemas"]["PickListLineView"][];
        };
        PickListView: {
            /** @example PARIS-01 */
            storeId: string;
            orders: components["schemas"]["PickListOrderView"][];
        };
        PickedLineDto: {
            /**
             * Format: uuid
             * @description line of the order
             */
            lineId: string;
            /**
             * @description units found for the line in total; fewer than the line owes is a short pick
             * @example 2
             */
            pickedQuantity: number;
        };
        RecordPicksDto: {
            lines: components["schemas"]["PickedLineDto"][];
        };
        CollectDto: {
            /**
             * @description the 8-character code the customer received
             * @example K7QX2M9P
             */
            pickupCode: string;
        };
        IdentityCollectDto: {
            /**
             * @description the identity document the customer showed
             * @example national-id
             * @enum {string}
             */
            document: "passport" | "national-id" | "driving-licence";
            /**
             * @description the last four characters of its number, as read (kept in order.collected)
             * @example 7A21
             */
            documentNumberEnd: string;
            /**
             * @description the name on the document: it must be the order's contact name (case, accents and word order aside); not kept
             * @example Ada Martin
             */
            nameOnDocument: string;
        };
        UnlockPickupDto: {
            /**
             * @description what the supervisor checked before lifting the lock; kept in order.pickup-unlocked
             * @example ID card checked at the counter
             */
            reason: string;
        };
        ShipDto: {
            /** @example Colissimo */
            carrier: string;
            /** @example 6A12345678901 */
            trackingNumber: string;
        };
        StoreCancelDto: {
            /** @example damaged in store */
            reason: string;
        };
        DeliveryOutcomeDto: {
            /**
             * @description DELIVERED, or why it was not: refused at the door or lost
             * @example DELIVERED
             * @enum {string}
             */
            outcome: "DELIVERED" | "DELIVERY.REFUSED" | "DELIVERY.LOST";
        };
        PreorderProductDto: {
            /**
             * Format: date-time
             * @description release date: preorders become collectable then, not before
             * @example 2026-12-10T08:00:00Z
             */
            releaseAt: string;
            /**
             * Format: date-time
             * @description preorders taken from
             * @example 2026-11-20T08:00:00Z
             */
            opensAt: string;
            /**
             * Format: date-time
             * @description preorders taken until (excluded)
             * @example 2026-12-10T08:00:00Z
             */
            closesAt: string;
            /**
             * @description units that may be preordered per store
             * @example 50
             */
            capPerStore: number;
            /**
             * @description units one customer may preorder across stores
             * @example 2
             */
            capPerCustomer: number;
        };
        PreorderProductView: {
            sku: string;
            /** Format: date-time */
            releaseAt: string;
            /** Format: date-time */
            opensAt: string;
            /** Format: date-time */
            closesAt: string;
            capPerStore: number;
            capPerCustomer: number;
        };
        PriceEntryDto: {
            /**
             * @description ISO 4217 currency code
             * @example EUR
             */
            currency: string;
            /**
             * @description price of one unit, minor units
             * @example 3900
             */
            unitPrice: number;
            /**
             * @description a store's own price; absent or null: the price everywhere the store has none of its own
             * @example PARIS
             */
            storeId?: string | null;
            /**
             * @description a channel's own price (the app's, a marketplace's); absent or null: in every channel. The most specific price in force wins: the store's own in the channel, the store's own, the channel's own, the general one
             * @example app
             * @enum {string|null}
             */
            channel?: "web" | "app" | "pos" | "call-centre" | "marketplace" | null;
            /**
             * Format: date-time
             * @description in force from; absent or null: from the start. Among prices of one currency and store in force, the one that started last wins (a sale lays over a standing price)
             * @example 2026-12-01T00:00:00Z
             */
            validFrom?: string | null;
            /**
             * Format: date-time
             * @description in force until (excluded); absent or null: until replaced
             * @example 2026-12-08T00:00:00Z
             */
            validUntil?: string | null;
        };
        PriceListDto: {
            /** @description every price of the SKU (replaces them all; empty: the SKU leaves the price list) */
            prices: components["schemas"]["PriceEntryDto"][];
        };
        PriceEntryView: {
            /** @example EUR */
            currency: string;
            unitPrice: number;
            storeId: string | null;
            /** @enum {string|null} */
            channel: "web" | "app" | "pos" | "call-centre" | "marketplace" | null;
            /**
             * Format: date-time
             * @description null: from the start
             */
            validFrom: string | null;
            /** Format: date-time */
            validUntil: string | null;
        };
        PriceListView: {
            sku: string;
            prices: components["schemas"]["PriceEntryView"][];
            /**
             * Format: date-time
             * @description when the SKU's prices were last replaced
             */
            updatedAt: string | null;
        };
        PriceInForceView: {
            sku: string;
            /** @example EUR */
            currency: string;
            /** @description the store the price is for (null: no store) */
            storeId: string | null;
            /** @enum {string} */
            channel: "web" | "app" | "pos" | "call-centre" | "marketplace";
            /** @description the unit price in force, minor units: the one a placement there and then is priced at */
            unitPrice: number;
            /**
             * Format: date-time
             * @description when it was read
             */
            at: string;
        };
        CreditLineView: {
            /** @example EUR */
            currency: string;
            /** @description orders (or groups) counted */
            count: number;
            /** @description minor units */
            amount: number;
        };
        ChannelCreditView: {
            storeId: string;
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @description orders its POS placed (endless aisle), whoever fulfils them; by placement time */
            soldHere: components["schemas"]["CreditLineView"][];
            /** @description groups collected here for orders begun elsewhere (online, or another store’s POS); by collection time */
            collectedHere: components["schemas"]["CreditLineView"][];
            /** @description delivery groups shipped from here for orders begun elsewhere (ship-from-store); by shipping time */
            shippedFromHere: components["schemas"]["CreditLineView"][];
            /** @description exchanges finished here of orders begun elsewhere, valued at the units taken back; by completion time */
            exchangedHere: components["schemas"]["CreditLineView"][];
            /** @description returns taken back here of orders begun elsewhere, valued at the units taken back; by completion time */
            takenBackHere: components["schemas"]["CreditLineView"][];
        };
        FailedPaymentRequestView: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "capture" | "refund";
            /** @description minor units */
            amount: number;
            reason: string | null;
            /**
             * @description FAILED: the payment system refused it; parked until an operator retries it (POST /payment-requests/:id/retry)
             * @enum {string}
             */
            status: "REQUESTED" | "DONE" | "FAILED";
            /** Format: date-time */
            requestedAt: string;
            /** @description amount the payment system reported done */
            doneAmount: number | null;
            /** Format: date-time */
            doneAt: string | null;
            /**
             * @description FAILED: the payment system's reason
             * @example CARD.DECLINED
             */
            failureReason: string | null;
            /** Format: date-time */
            failedAt: string | null;
            /** @description requests sent to the payment system: 1, plus one per retry */
            attempts: number;
            /** Format: uuid */
            orderId: string;
            /** Format: uuid */
            fulfilmentId: string | null;
            /** @example EUR */
            currency: string;
        };
        FailedPaymentRequestsView: {
            /** @description the oldest failure first */
            requests: components["schemas"]["FailedPaymentRequestView"][];
        };
        CreateCartDto: {
            /** @description every line of the cart (replaces them all); unitPrice is the price now */
            lines: components["schemas"]["OrderLineDto"][];
            /**
             * @description channel the cart is started in (a POS cart starts at the token's store)
             * @example app
             * @enum {string}
             */
            channel: "web" | "app" | "pos" | "call-centre" | "marketplace";
            /**
             * @description ISO 4217 currency code
             * @example EUR
             */
            currency: string;
        };
        PlaceView: {
            /** @enum {string} */
            channel: "web" | "app" | "pos" | "call-centre" | "marketplace";
            /** @description store (POS), else null */
            storeId: string | null;
        };
        CartLineView: {
            /** @example SKU-1 */
            sku: string;
            quantity: number;
            /** @description price of one unit now, minor units */
            unitPrice: number;
            /** @description price of one unit when the line was first added: the reference of the price re-check */
            firstUnitPrice: number;
        };
        CartView: {
            /**
             * Format: uuid
             * @description the cart id; a guest cart is addressed by it alone, so it is never guessable
             */
            id: string;
            /** @enum {string} */
            status: "OPEN" | "CHECKED_OUT" | "MERGED" | "ABANDONED";
            /** @description customer account id; null for a guest cart */
            customerId: string | null;
            /** @example EUR */
            currency: string;
            /** @description where the cart was started */
            started: components["schemas"]["PlaceView"];
            /** @description where the cart is continued now */
            current: components["schemas"]["PlaceView"];
            lines: components["schemas"]["CartLineView"][];
            /** @description sum of quantity × unitPrice */
            total: number;
            /**
             * Format: uuid
             * @description the order placed from it, once CHECKED_OUT
             */
            orderId: string | null;
            /**
             * Format: uuid
             * @description the customer cart it was merged into, once MERGED
             */
            mergedIntoId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            lastActivityAt: string;
        };
        LineAvailabilityView: {
            sku: string;
            quantity: number;
            /** @description units free at the store now */
            availableAtStore: number;
            /** @enum {string} */
            mode: "store" | "transfer" | "none";
            available: boolean;
        };
        AvailabilityCheckView: {
            /**
             * @description SKIPPED: inventory is not configured or the cart is not at a store; FAILED: inventory could not be asked
             * @enum {string}
             */
            status: "CHECKED" | "SKIPPED" | "FAILED";
            storeId: string | null;
            /** @description why it was skipped or failed */
            reason?: string;
            lines: components["schemas"]["LineAvailabilityView"][];
        };
        PriceChangeView: {
            sku: string;
            firstUnitPrice: number;
            unitPrice: number;
        };
        RepricingView: {
            sku: string;
            /** @description unit price the cart had */
            from: number;
            /** @description the price list's unit price, which the line has now */
            to: number;
        };
        ContinuationView: {
            from: components["schemas"]["PlaceView"];
            to: components["schemas"]["PlaceView"];
            availability: components["schemas"]["AvailabilityCheckView"];
            /** @description lines whose price differs from the one they were first added with */
            priceChanges: components["schemas"]["PriceChangeView"][];
            /** @description lines the price list priced otherwise than the cart had them, where the cart is now (docs/carts.md) */
            repriced: components["schemas"]["RepricingView"][];
            /** @description SKUs the price list has no price for where the cart is now: the price the channel sent stands */
            unpricedSkus: string[];
            /** @description what changed, one readable line each */
            changes: string[];
        };
        ContinuedCartView: {
            cart: components["schemas"]["CartView"];
            /** @description the re-check, when the cart was continued (null for a new cart) */
            continuation: components["schemas"]["ContinuationView"] | null;
        };
        CartLinesDto: {
            /** @description every line of the cart (replaces them all); unitPrice is the price now */
            lines: components["schemas"]["OrderLineDto"][];
        };
        CartLinesView: {
            cart: components["schemas"]["CartView"];
            priceChanges: components["schemas"]["PriceChangeView"][];
        };
        ContinueCartDto: {
            /**
             * @description channel the cart is continued in
             * @example web
             * @enum {string}
             */
            channel: "web" | "app" | "pos" | "call-centre" | "marketplace";
        };
        HandoffView: {
            /**
             * @description read to the store associate; shown once, only its hash is kept
             * @example 7K2M9QXD
             */
            code: string;
            /** Format: date-time */
            expiresAt: string;
        };
        CheckoutCartDto: {
            /**
             * @description channel the cart is checked out in (where it finished)
             * @example pos
             * @enum {string}
             */
            channel: "web" | "app" | "pos" | "call-centre" | "marketplace";
            /**
             * @description pickup store for all lines; defaults to the POS's own store
             * @example PARIS
             */
            storeId?: string;
            /** @description deliver all lines to this address instead of a pickup */
            address?: components["schemas"]["AddressDto"];
            contact?: components["schemas"]["ContactDto"];
            /** @description payment taken at the POS: must add up to the cart total */
            capturedTenders?: components["schemas"]["CapturedTenderDto"][];
        };
        ClaimCartDto: {
            /**
             * @description the handoff code the customer reads out (case, spaces, dashes and O/I/L look-alikes do not matter)
             * @example 7K2M9QXD
             */
            code: string;
        };
        CartKpisRowView: {
            /**
             * Format: date-time
             * @description start of the bucket (UTC) the carts were started in
             * @example 2026-12-03T00:00:00Z
             */
            bucket: string;
            /**
             * @description channel the carts were started in
             * @enum {string}
             */
            startedChannel: "web" | "app" | "pos" | "call-centre" | "marketplace";
            /**
             * @description channel they were last continued in (their started channel when they never moved)
             * @enum {string}
             */
            lastChannel: "web" | "app" | "pos" | "call-centre" | "marketplace";
            /** @description the last channel is another one: continued across channels (app → web, web → a store's POS) */
            crossChannel: boolean;
            /** @description handed from another channel to a store's POS (a handoff code claimed there) */
            handedToStore: boolean;
            started: number;
            /** @description checked out: an order was placed from them */
            checkedOut: number;
            /** @description left idle past CART_ABANDON_AFTER_MINUTES */
            abandoned: number;
            /** @description a guest cart merged into a signed-in customer's cart */
            merged: number;
            /** @description still open */
            open: number;
            /** @description checked out / started (for carts handed to a store: the handoff conversion) */
            conversionRate: number | null;
            /** @description abandoned / started */
            abandonmentRate: number | null;
        };
        CartKpisView: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @enum {string} */
            granularity: "day" | "hour";
            /** @description one row per bucket, started channel and last channel; buckets without carts are left out */
            rows: components["schemas"]["CartKpisRowView"][];
        };
        ChannelCreditKpisRowView: {
            /**
             * Format: date-time
             * @description start of the bucket (UTC): of the sale, collection, shipment or return counted
             * @example 2026-12-03T00:00:00Z
             */
            bucket: string;
            storeId: string;
            /**
             * @description channel the orders began in (pos for what the store sold itself)
             * @enum {string}
             */
            channel: "web" | "app" | "pos" | "call-centre" | "marketplace";
            /** @example EUR */
            currency: string;
            /** @description orders the store's POS placed, whoever fulfils them */
            sold: number;
            /** @description minor units */
            soldAmount: number;
            /** @description pickup groups collected here for orders begun elsewhere */
            collected: number;
            /** @description minor units, at the units picked */
            collectedAmount: number;
            /** @description delivery groups shipped from here for orders begun elsewhere (ship-from-store) */
            shipped: number;
            /** @description minor units */
            shippedAmount: number;
            /** @description exchanges finished here of orders begun elsewhere */
            exchanged: number;
            /** @description minor units, at the units taken back */
            exchangedAmount: number;
            /** @description returns taken back here of orders begun elsewhere */
            takenBack: number;
            /** @description minor units, at the units taken back */
            takenBackAmount: number;
            /** @description collected + shipped amounts: what the store fulfilled for other channels and stores */
            fulfilledForOthersAmount: number;
        };
        ChannelCreditKpisView: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @enum {string} */
            granularity: "day" | "hour";
            /** @description one row per bucket, store, channel and currency; buckets without credit are left out */
            rows: components["schemas"]["ChannelCreditKpisRowView"][];
        };
        /** @description RFC 9457 problem details; `code` is the stable, namespaced refusal code to branch on. */
        Problem: {
            /**
             * @description URN naming the problem kind
             * @example urn:problem:REQUEST.INVALID
             */
            type: string;
            /**
             * @description HTTP status name
             * @example BAD_REQUEST
             */
            title: string;
            /**
             * @description HTTP status code
             * @example 400
             */
            status: number;
            /**
             * @description human-readable explanation of this occurrence
             * @example lines.0.quantity: quantity must not be less than 1
             */
            detail: string;
            /**
             * @description stable namespaced code, e.g. REQUEST.INVALID, ORDER.NOT_FOUND, STOCK.BELOW_RESERVED
             * @example REQUEST.INVALID
             */
            code: string;
            /** @description every failed rule of a 400, one entry per field and rule */
            errors?: {
                /**
                 * @description dotted path of the field in the body, path or query
                 * @example lines.0.quantity
                 */
                field: string;
                /**
                 * @description name of the failed rule
                 * @example min
                 */
                rule: string;
                /**
                 * @description human-readable message
                 * @example quantity must not be less than 1
                 */
                message: string;
            }[];
            /**
             * @description IDEMPOTENCY.ANSWER_LOST only: the path of what the applied request created (also the Location header); GET it for the outcome
             * @example /orders/0b9f3c1e-6f1d-4a8e-9b0e-2d7c5a1f4e3a
             */
            location?: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    Orders_place: {
        parameters: {
            query?: never;
            header?: {
                /** @description RFC 7240. `wait=N` (seconds, at most 10): answer once inventory has decided (201 with RESERVED, AWAITING_TRANSFER, PREORDERED or REJECTED and its rejectionReason), or 202 with the order still PLACED when N seconds pass first. `Preference-Applied` echoes the wait served. Without it the answer does not wait (201, PLACED). */
                Prefer?: string;
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PlaceOrderDto"];
            };
        };
        responses: {
            /** @description The order: PLACED, or with `Prefer: wait=N` as inventory decided it */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description With `Prefer: wait=N`: not decided within N seconds; the order, PLACED, and its URL in `Location` */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description The request is malformed: each failed field and rule is named in `errors` (code REQUEST.INVALID). Whatever the schema, refused are: a body nested more than 16 levels deep (maxDepth), a `__proto__`, `constructor` or `prototype` key (prototypeKey), a number beyond ±(2^53 − 1) (safeNumber), U+0000 or a lone surrogate in a string (noNulCharacter, wellFormedUnicode), a query parameter given twice (singleValue), and `null` for a field whose type does not include null. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, or the caller may not act on this resource. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A preorder cap is reached (PREORDER.STORE_CAP_REACHED, PREORDER.CUSTOMER_CAP_REACHED) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than 100 kB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A unitPrice that is not the price list's price in force, or a SKU the list does not price, from a caller without prices:override (PRICE.MISMATCH, PRICE.NOT_LISTED); captured tenders that do not add up to the total (ORDER.TENDER_MISMATCH); two pickup groups at one store (ORDER.PICKUP_STORE_REPEATED); a preorder refused (PREORDER.NOT_A_PREORDER, PREORDER.WINDOW_CLOSED, PREORDER.NEEDS_CUSTOMER) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many placements are waiting for inventory's answer (SERVICE.OVERLOADED; PLACEMENT_ADMISSION_LIMIT, PLACEMENT_ADMISSION_BUDGET_MS), or the instance is serving as many requests as it takes at once (SERVICE.OVERLOADED; MAX_REQUESTS_IN_FLIGHT). Nothing was placed: retry after the `Retry-After` seconds, with the same Idempotency-Key. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Orders_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description order id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description id is not a UUID (REQUEST.INVALID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, or the caller may not act on this resource. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such order (ORDER.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Orders_events: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description order id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream: `event: order`, `data:` the order as JSON */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            /** @description id is not a UUID (REQUEST.INVALID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, or the caller may not act on this resource. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such order (ORDER.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Orders_cancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description order id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CustomerCancelDto"];
            };
        };
        responses: {
            /** @description The order, CANCELLED */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description The request is malformed: each failed field and rule is named in `errors` (code REQUEST.INVALID). Whatever the schema, refused are: a body nested more than 16 levels deep (maxDepth), a `__proto__`, `constructor` or `prototype` key (prototypeKey), a number beyond ±(2^53 − 1) (safeNumber), U+0000 or a lone surrogate in a string (noNulCharacter, wellFormedUnicode), a query parameter given twice (singleValue), and `null` for a field whose type does not include null. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, or the caller may not act on this resource. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such order (ORDER.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The order can no longer be cancelled (ORDER.INVALID_TRANSITION) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than 100 kB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was used with another request (IDEMPOTENCY.KEY_REUSED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Stores_pickList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the store acting */
                storeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pick list */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PickListView"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, or the caller may not act on this resource. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Stores_startPicking: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description the store acting */
                storeId: string;
                /** @description fulfilment id (or order id when the order has one group here) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The order, PICKING */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description id is not a UUID (REQUEST.INVALID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The order belongs to another store (ORDER.WRONG_STORE) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such order (ORDER.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not in a state to pick (ORDER.INVALID_TRANSITION) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than 100 kB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was used with another request (IDEMPOTENCY.KEY_REUSED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Stores_picks: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description the store acting */
                storeId: string;
                /** @description fulfilment id (or order id when the order has one group here) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordPicksDto"];
            };
        };
        responses: {
            /** @description The order after the picks */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description The request is malformed: each failed field and rule is named in `errors` (code REQUEST.INVALID). Whatever the schema, refused are: a body nested more than 16 levels deep (maxDepth), a `__proto__`, `constructor` or `prototype` key (prototypeKey), a number beyond ±(2^53 − 1) (safeNumber), U+0000 or a lone surrogate in a string (noNulCharacter, wellFormedUnicode), a query parameter given twice (singleValue), and `null` for a field whose type does not include null. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The order belongs to another store (ORDER.WRONG_STORE) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such order (ORDER.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not being picked (ORDER.INVALID_TRANSITION) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than 100 kB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A line is not in the order (PICK.UNKNOWN_LINE), or more units than it owes (PICK.QUANTITY_EXCEEDED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Stores_collect: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description the store acting */
                storeId: string;
                /** @description fulfilment id (or order id when the order has one group here) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CollectDto"];
            };
        };
        responses: {
            /** @description The order, COLLECTED */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description The request is malformed: each failed field and rule is named in `errors` (code REQUEST.INVALID). Whatever the schema, refused are: a body nested more than 16 levels deep (maxDepth), a `__proto__`, `constructor` or `prototype` key (prototypeKey), a number beyond ±(2^53 − 1) (safeNumber), U+0000 or a lone surrogate in a string (noNulCharacter, wellFormedUnicode), a query parameter given twice (singleValue), and `null` for a field whose type does not include null. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The order belongs to another store (ORDER.WRONG_STORE) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such order (ORDER.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not ready for pickup (ORDER.INVALID_TRANSITION) or locked after wrong codes (PICKUP.LOCKED) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than 100 kB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Wrong pickup code (PICKUP.CODE_INVALID) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Stores_collectWithIdentity: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description the store acting */
                storeId: string;
                /** @description fulfilment id (or order id when the order has one group here) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IdentityCollectDto"];
            };
        };
        responses: {
            /** @description The order, COLLECTED */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description The request is malformed: each failed field and rule is named in `errors` (code REQUEST.INVALID). Whatever the schema, refused are: a body nested more than 16 levels deep (maxDepth), a `__proto__`, `constructor` or `prototype` key (prototypeKey), a number beyond ±(2^53 − 1) (safeNumber), U+0000 or a lone surrogate in a string (noNulCharacter, wellFormedUnicode), a query parameter given twice (singleValue), and `null` for a field whose type does not include null. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token names no associate (AUTH.FORBIDDEN) or the order belongs to another store (ORDER.WRONG_STORE) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such order (ORDER.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not ready for pickup (ORDER.INVALID_TRANSITION) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than 100 kB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The order has no contact name to check against (PICKUP.IDENTITY_UNVERIFIABLE) or the name differs (PICKUP.IDENTITY_MISMATCH) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Stores_unlockPickup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description the store acting */
                storeId: string;
                /** @description fulfilment id (or order id when the order has one group here) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UnlockPickupDto"];
            };
        };
        responses: {
            /** @description The order, its pickup no longer locked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description The request is malformed: each failed field and rule is named in `errors` (code REQUEST.INVALID). Whatever the schema, refused are: a body nested more than 16 levels deep (maxDepth), a `__proto__`, `constructor` or `prototype` key (prototypeKey), a number beyond ±(2^53 − 1) (safeNumber), U+0000 or a lone surrogate in a string (noNulCharacter, wellFormedUnicode), a query parameter given twice (singleValue), and `null` for a field whose type does not include null. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks store:supervise (AUTH.FORBIDDEN) or the order belongs to another store (ORDER.WRONG_STORE) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such order (ORDER.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not ready for pickup (ORDER.INVALID_TRANSITION) or not locked (PICKUP.NOT_LOCKED) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than 100 kB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was used with another request (IDEMPOTENCY.KEY_REUSED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Stores_ship: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description the location acting (store or warehouse) */
                storeId: string;
                /** @description fulfilment id (or order id when the order has one group here) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ShipDto"];
            };
        };
        responses: {
            /** @description The order, its group SHIPPED */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description The request is malformed: each failed field and rule is named in `errors` (code REQUEST.INVALID). Whatever the schema, refused are: a body nested more than 16 levels deep (maxDepth), a `__proto__`, `constructor` or `prototype` key (prototypeKey), a number beyond ±(2^53 − 1) (safeNumber), U+0000 or a lone surrogate in a string (noNulCharacter, wellFormedUnicode), a query parameter given twice (singleValue), and `null` for a field whose type does not include null. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The group belongs to another location (ORDER.WRONG_STORE) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such order or fulfilment (ORDER.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not packed (ORDER.INVALID_TRANSITION), not a delivery (FULFILMENT.NOT_A_DELIVERY) or several groups here (FULFILMENT.AMBIGUOUS) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than 100 kB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was used with another request (IDEMPOTENCY.KEY_REUSED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Stores_cancel: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description the store acting */
                storeId: string;
                /** @description fulfilment id (or order id when the order has one group here) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StoreCancelDto"];
            };
        };
        responses: {
            /** @description The order, CANCELLED */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description The request is malformed: each failed field and rule is named in `errors` (code REQUEST.INVALID). Whatever the schema, refused are: a body nested more than 16 levels deep (maxDepth), a `__proto__`, `constructor` or `prototype` key (prototypeKey), a number beyond ±(2^53 − 1) (safeNumber), U+0000 or a lone surrogate in a string (noNulCharacter, wellFormedUnicode), a query parameter given twice (singleValue), and `null` for a field whose type does not include null. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The order belongs to another store (ORDER.WRONG_STORE) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such order (ORDER.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The order can no longer be cancelled (ORDER.INVALID_TRANSITION) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than 100 kB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was used with another request (IDEMPOTENCY.KEY_REUSED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Deliveries_outcome: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description fulfilment id of the delivery */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeliveryOutcomeDto"];
            };
        };
        responses: {
            /** @description The order, its group DELIVERED or DELIVERY_FAILED */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description The request is malformed: each failed field and rule is named in `errors` (code REQUEST.INVALID). Whatever the schema, refused are: a body nested more than 16 levels deep (maxDepth), a `__proto__`, `constructor` or `prototype` key (prototypeKey), a number beyond ±(2^53 − 1) (safeNumber), U+0000 or a lone surrogate in a string (noNulCharacter, wellFormedUnicode), a query parameter given twice (singleValue), and `null` for a field whose type does not include null. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, or the caller may not act on this resource. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such fulfilment (ORDER.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not shipped (ORDER.INVALID_TRANSITION) or not a delivery (FULFILMENT.NOT_A_DELIVERY) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than 100 kB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was used with another request (IDEMPOTENCY.KEY_REUSED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PreorderProducts_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreorderProductView"];
                };
            };
            /** @description sku breaks its rule (REQUEST.INVALID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, or the caller may not act on this resource. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a preorder product (PREORDER.NOT_A_PREORDER) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PreorderProducts_put: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreorderProductDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PreorderProductView"];
                };
            };
            /** @description The request is malformed: each failed field and rule is named in `errors` (code REQUEST.INVALID). Whatever the schema, refused are: a body nested more than 16 levels deep (maxDepth), a `__proto__`, `constructor` or `prototype` key (prototypeKey), a number beyond ±(2^53 − 1) (safeNumber), U+0000 or a lone surrogate in a string (noNulCharacter, wellFormedUnicode), a query parameter given twice (singleValue), and `null` for a field whose type does not include null. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, or the caller may not act on this resource. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A request with this Idempotency-Key is still running (IDEMPOTENCY.IN_PROGRESS), or was applied and its answer lost when the service stopped (IDEMPOTENCY.ANSWER_LOST; `location` and the Location header name what it created, where it created something) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than 100 kB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was used with another request (IDEMPOTENCY.KEY_REUSED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PriceList_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriceListView"];
                };
            };
            /** @description sku breaks its rule (REQUEST.INVALID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, or the caller may not act on this resource. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The price list has no price for the SKU (PRICE_LIST.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PriceList_put: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PriceListDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriceListView"];
                };
            };
            /** @description The request is malformed: each failed field and rule is named in `errors` (code REQUEST.INVALID). Whatever the schema, refused are: a body nested more than 16 levels deep (maxDepth), a `__proto__`, `constructor` or `prototype` key (prototypeKey), a number beyond ±(2^53 − 1) (safeNumber), U+0000 or a lone surrogate in a string (noNulCharacter, wellFormedUnicode), a query parameter given twice (singleValue), and `null` for a field whose type does not include null. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, or the caller may not act on this resource. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A request with this Idempotency-Key is still running (IDEMPOTENCY.IN_PROGRESS), or was applied and its answer lost when the service stopped (IDEMPOTENCY.ANSWER_LOST; `location` and the Location header name what it created, where it created something) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than 100 kB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was used with another request (IDEMPOTENCY.KEY_REUSED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PriceList_priceInForce: {
        parameters: {
            query: {
                /** @description ISO 4217 currency code */
                currency: string;
                /** @description the store the sale is made at; a store token's own store when left out */
                storeId?: string;
                /** @description the channel of the sale; the token's channel when left out, else web */
                channel?: "web" | "app" | "pos" | "call-centre" | "marketplace";
            };
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PriceInForceView"];
                };
            };
            /** @description sku, currency, storeId or channel breaks its rule (REQUEST.INVALID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, or the caller may not act on this resource. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No price of the SKU in the currency is in force there (PRICE.NOT_LISTED) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ChannelCredit_credit: {
        parameters: {
            query?: {
                /** @description start of the period (inclusive), ISO 8601 */
                from?: string;
                /** @description end of the period (exclusive), ISO 8601 */
                to?: string;
            };
            header?: never;
            path: {
                storeId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelCreditView"];
                };
            };
            /** @description A value breaks its rule (REQUEST.INVALID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another store's token, or a customer's (AUTH.FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PaymentRequests_list: {
        parameters: {
            query: {
                status: "FAILED";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FailedPaymentRequestsView"];
                };
            };
            /** @description The request is malformed: each failed field and rule is named in `errors` (code REQUEST.INVALID). Whatever the schema, refused are: a body nested more than 16 levels deep (maxDepth), a `__proto__`, `constructor` or `prototype` key (prototypeKey), a number beyond ±(2^53 − 1) (safeNumber), U+0000 or a lone surrogate in a string (noNulCharacter, wellFormedUnicode), a query parameter given twice (singleValue), and `null` for a field whose type does not include null. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, or the caller may not act on this resource. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PaymentRequests_retry: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sent again */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is malformed: each failed field and rule is named in `errors` (code REQUEST.INVALID). Whatever the schema, refused are: a body nested more than 16 levels deep (maxDepth), a `__proto__`, `constructor` or `prototype` key (prototypeKey), a number beyond ±(2^53 − 1) (safeNumber), U+0000 or a lone surrogate in a string (noNulCharacter, wellFormedUnicode), a query parameter given twice (singleValue), and `null` for a field whose type does not include null. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, or the caller may not act on this resource. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such payment request (PAYMENT_REQUEST.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description It is not FAILED: done, or sent again already (PAYMENT_REQUEST.NOT_FAILED) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than 100 kB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was used with another request (IDEMPOTENCY.KEY_REUSED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Carts_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCartDto"];
            };
        };
        responses: {
            /** @description The customer's open cart, continued here, with what the re-check found */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContinuedCartView"];
                };
            };
            /** @description A new cart */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContinuedCartView"];
                };
            };
            /** @description The request is malformed: each failed field and rule is named in `errors` (code REQUEST.INVALID). Whatever the schema, refused are: a body nested more than 16 levels deep (maxDepth), a `__proto__`, `constructor` or `prototype` key (prototypeKey), a number beyond ±(2^53 − 1) (safeNumber), U+0000 or a lone surrogate in a string (noNulCharacter, wellFormedUnicode), a query parameter given twice (singleValue), and `null` for a field whose type does not include null. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token speaks for another channel (AUTH.FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A request with this Idempotency-Key is still running (IDEMPOTENCY.IN_PROGRESS), or was applied and its answer lost when the service stopped (IDEMPOTENCY.ANSWER_LOST; `location` and the Location header name what it created, where it created something) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than 100 kB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was used with another request (IDEMPOTENCY.KEY_REUSED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Carts_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartView"];
                };
            };
            /** @description id is not a UUID (REQUEST.INVALID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, or the caller may not act on this resource. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such cart, or another customer's (CART.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Carts_replaceLines: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CartLinesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartLinesView"];
                };
            };
            /** @description The request is malformed: each failed field and rule is named in `errors` (code REQUEST.INVALID). Whatever the schema, refused are: a body nested more than 16 levels deep (maxDepth), a `__proto__`, `constructor` or `prototype` key (prototypeKey), a number beyond ±(2^53 − 1) (safeNumber), U+0000 or a lone surrogate in a string (noNulCharacter, wellFormedUnicode), a query parameter given twice (singleValue), and `null` for a field whose type does not include null. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, or the caller may not act on this resource. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such cart (CART.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The cart is not OPEN (CART.NOT_OPEN) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than 100 kB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was used with another request (IDEMPOTENCY.KEY_REUSED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Carts_continue: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContinueCartDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContinuedCartView"];
                };
            };
            /** @description The request is malformed: each failed field and rule is named in `errors` (code REQUEST.INVALID). Whatever the schema, refused are: a body nested more than 16 levels deep (maxDepth), a `__proto__`, `constructor` or `prototype` key (prototypeKey), a number beyond ±(2^53 − 1) (safeNumber), U+0000 or a lone surrogate in a string (noNulCharacter, wellFormedUnicode), a query parameter given twice (singleValue), and `null` for a field whose type does not include null. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token speaks for another channel (AUTH.FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such cart (CART.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The cart is not OPEN (CART.NOT_OPEN) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than 100 kB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was used with another request (IDEMPOTENCY.KEY_REUSED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Carts_merge: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description the guest cart */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContinueCartDto"];
            };
        };
        responses: {
            /** @description The customer's cart */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContinuedCartView"];
                };
            };
            /** @description The request is malformed: each failed field and rule is named in `errors` (code REQUEST.INVALID). Whatever the schema, refused are: a body nested more than 16 levels deep (maxDepth), a `__proto__`, `constructor` or `prototype` key (prototypeKey), a number beyond ±(2^53 − 1) (safeNumber), U+0000 or a lone surrogate in a string (noNulCharacter, wellFormedUnicode), a query parameter given twice (singleValue), and `null` for a field whose type does not include null. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a customer token (AUTH.FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such cart (CART.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not a guest cart, or not OPEN (CART.NOT_A_GUEST_CART, CART.NOT_OPEN) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than 100 kB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another currency (CART.CURRENCY_MISMATCH) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Carts_handoff: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HandoffView"];
                };
            };
            /** @description id is not a UUID (REQUEST.INVALID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The token lacks the scope, or the caller may not act on this resource. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such cart (CART.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The cart is not OPEN (CART.NOT_OPEN) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than 100 kB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This Idempotency-Key was used with another request (IDEMPOTENCY.KEY_REUSED) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Carts_checkout: {
        parameters: {
            query?: never;
            header?: {
                /** @description RFC 7240. `wait=N` (seconds, at most 10): answer once inventory has decided (201 with RESERVED, AWAITING_TRANSFER, PREORDERED or REJECTED and its rejectionReason), or 202 with the order still PLACED when N seconds pass first. `Preference-Applied` echoes the wait served. Without it the answer does not wait (201, PLACED). */
                Prefer?: string;
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CheckoutCartDto"];
            };
        };
        responses: {
            /** @description The order: PLACED, or with `Prefer: wait=N` as inventory decided it */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description With `Prefer: wait=N`: not decided within N seconds; the order, PLACED, and its URL in `Location` */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderView"];
                };
            };
            /** @description The request is malformed: each failed field and rule is named in `errors` (code REQUEST.INVALID). Whatever the schema, refused are: a body nested more than 16 levels deep (maxDepth), a `__proto__`, `constructor` or `prototype` key (prototypeKey), a number beyond ±(2^53 − 1) (safeNumber), U+0000 or a lone surrogate in a string (noNulCharacter, wellFormedUnicode), a query parameter given twice (singleValue), and `null` for a field whose type does not include null. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another channel, or a POS that has not claimed the cart (AUTH.FORBIDDEN, CART.NOT_YOURS) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such cart (CART.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The cart is not OPEN, or the price list changed a price since the cart was read: the cart has the new prices, check out again with a new Idempotency-Key (CART.NOT_OPEN, CART.PRICE_CHANGED) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than 100 kB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The cart is empty, or the placement refused: a SKU the price list does not price (PRICE.NOT_LISTED), tenders that do not add up (CART.EMPTY, PRICE.NOT_LISTED, ORDER.TENDER_MISMATCH) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many placements are waiting for inventory's answer (SERVICE.OVERLOADED; PLACEMENT_ADMISSION_LIMIT, PLACEMENT_ADMISSION_BUDGET_MS), or the instance is serving as many requests as it takes at once (SERVICE.OVERLOADED; MAX_REQUESTS_IN_FLIGHT). Nothing was placed: retry after the `Retry-After` seconds, with the same Idempotency-Key. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Carts_ofCustomer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description customer account id (the customer_id of the token) */
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartView"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another customer (AUTH.FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The customer has no open cart (CART.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    StoreCarts_claim: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description the POS's store */
                storeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ClaimCartDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContinuedCartView"];
                };
            };
            /** @description The request is malformed: each failed field and rule is named in `errors` (code REQUEST.INVALID). Whatever the schema, refused are: a body nested more than 16 levels deep (maxDepth), a `__proto__`, `constructor` or `prototype` key (prototypeKey), a number beyond ±(2^53 − 1) (safeNumber), U+0000 or a lone surrogate in a string (noNulCharacter, wellFormedUnicode), a query parameter given twice (singleValue), and `null` for a field whose type does not include null. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another store (AUTH.FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A request with this Idempotency-Key is still running (IDEMPOTENCY.IN_PROGRESS), or was applied and its answer lost when the service stopped (IDEMPOTENCY.ANSWER_LOST; `location` and the Location header name what it created, where it created something) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The JSON body is larger than 100 kB. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No open cart has this code, or it expired (CART.HANDOFF_INVALID) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Kpis_carts: {
        parameters: {
            query: {
                /** @description start of the window (inclusive); each KPI says what it counts from then: orders placed, returns completed, carts started */
                from: string;
                /** @description end of the window (exclusive); at most 400 days after from with day buckets, 14 with hour buckets */
                to: string;
                /** @description bucket size, in UTC */
                granularity?: "day" | "hour";
                /** @description only this store: the pickup store (click & collect, preorders), the location that ships (deliveries), the store whose POS placed the order (endless aisle), the store that took the return (returns), a store the cart was started or continued at (carts); a store token always sees its own store only */
                storeId?: string;
                /** @description only orders placed in this channel (the endless aisle is the POS's), or carts started in it */
                channel?: "web" | "app" | "pos" | "call-centre" | "marketplace";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CartKpisView"];
                };
            };
            /** @description from, to, granularity, storeId or channel breaks its rule, or the window is too wide (REQUEST.INVALID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another store than the token's (AUTH.FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Kpis_channelCredit: {
        parameters: {
            query: {
                /** @description start of the window (inclusive); each KPI says what it counts from then: orders placed, returns completed, carts started */
                from: string;
                /** @description end of the window (exclusive); at most 400 days after from with day buckets, 14 with hour buckets */
                to: string;
                /** @description bucket size, in UTC */
                granularity?: "day" | "hour";
                /** @description only this store: the pickup store (click & collect, preorders), the location that ships (deliveries), the store whose POS placed the order (endless aisle), the store that took the return (returns), a store the cart was started or continued at (carts); a store token always sees its own store only */
                storeId?: string;
                /** @description only orders placed in this channel (the endless aisle is the POS's), or carts started in it */
                channel?: "web" | "app" | "pos" | "call-centre" | "marketplace";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChannelCreditKpisView"];
                };
            };
            /** @description from, to, granularity, storeId or channel breaks its rule, or the window is too wide (REQUEST.INVALID) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No valid bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Another store than the token's (AUTH.FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests from this caller; retry after the `Retry-After` seconds. */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description This instance is serving as many requests as it takes at once (SERVICE.OVERLOADED, MAX_REQUESTS_IN_FLIGHT), or cannot reach its database just now (DATABASE.UNAVAILABLE: a restart, a failover); retry after the `Retry-After` seconds, here or at another instance, with the same `Idempotency-Key`. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    Health_live: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Health Check is successful */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example ok */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /** @example {} */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
            /** @description The Health Check is not successful */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example error */
                        status?: string;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       }
                         *     }
                         */
                        info?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        error?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        } | null;
                        /**
                         * @example {
                         *       "database": {
                         *         "status": "up"
                         *       },
                         *       "redis": {
                         *         "status": "down",
                         *         "message": "Could not connect"
                         *       }
                         *     }
                         */
                        details?: {
                            [key: string]: {
                                status: string;
                            } & {
                                [key: string]: unknown;
                            };
                        };
                    };
                };
            };
        };
    };
    Health_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "error";
                        /** @description checks that are up, by name (postgres, kafka) */
                        info?: {
                            [key: string]: unknown;
                        };
                        /** @description checks that are down, by name, with the reason */
                        error?: {
                            [key: string]: unknown;
                        };
                        /** @description every check, by name */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            /** @description A dependency is down; `error` names it */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @example ok
                         * @enum {string}
                         */
                        status?: "ok" | "error";
                        /** @description checks that are up, by name (postgres, kafka) */
                        info?: {
                            [key: string]: unknown;
                        };
                        /** @description checks that are down, by name, with the reason */
                        error?: {
                            [key: string]: unknown;
                        };
                        /** @description every check, by name */
                        details?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
        };
    };
    Metrics_scrape: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
