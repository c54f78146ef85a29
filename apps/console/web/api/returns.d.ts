// Generated from docs/openapi/returns.json by scripts/tools/console-api.mjs: do not edit.
export interface paths {
    "/returnable-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find an order at any store's POS
         * @description Exactly one of orderId, receipt (the 12 hex digits printed on the receipt), email, phone, loyaltyId or customerId. Orders of every channel, with what can still be returned per line.
         */
        get: operations["Lookup_find"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/returnable-orders/{orderId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One order as the returns service knows it, with what can still be returned */
        get: operations["Lookup_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Return or exchange units of an order at this store, or receive a mailed return at a returns centre
         * @description Any store takes back an order of any channel; a returns centre (a warehouse location, its own token) or a store inspects a parcel it has scanned in (POST /stores/{storeId}/parcels/{trackingNumber}/receipt) with channel mail and the authorisation code. The policy in force decides each line and names its rule. A return completes at once (refund to the original tenders or as store credit); an exchange waits for the replacement from this store's stock (AWAITING_REPLACEMENT, then COMPLETED or REPLACEMENT_UNAVAILABLE) or, with shipReplacementTo and no unit here, for the order service to place a delivery order (AWAITING_SHIPMENT, then COMPLETED with replacementOrderId). A retry with the same requestId answers the first return (200).
         */
        post: operations["Returns_open"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/returns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A return or exchange, its lines with the rule that allowed each, its refunds */
        get: operations["Returns_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/return-authorisations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start a return online, to drop at a store or to send by mail
         * @description The customer names the lines to bring back; the policy is checked (all but the condition) and a code lets any store take them back within 14 days. With method mail, the carrier labels the parcel to returnTo at once: the answer carries the label and tracking number (return.label-issued); the carrier reports its way (POST /parcels/{trackingNumber}/tracking), returnTo scans it in (POST /stores/{storeId}/parcels/{trackingNumber}/receipt) and then inspects it (POST /stores/{storeId}/returns with channel mail), which refunds it.
         */
        post: operations["Authorisations_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/return-authorisations/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A return authorisation, as the store scans its code */
        get: operations["Authorisations_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/parcels/{trackingNumber}/tracking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The carrier reports a return parcel on its way
         * @description Records IN_TRANSIT or DELIVERED once (return.parcel-tracked); a report the parcel has already reached or passed (a retry, a late report) changes nothing. The stand-in carrier of the demo and the tests is told to report by calling this.
         */
        post: operations["Parcels_track"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/parcels/{trackingNumber}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A warehouse or store scans a return parcel in
         * @description RECEIVED here, with the associate (return.parcel-received); scanning it again here changes nothing. Then inspect its units with POST /stores/{storeId}/returns (channel mail, the authorisation code): that refunds them, exactly as a return at a store. Before this scan, that inspection is refused (RETURN.PARCEL_NOT_RECEIVED).
         */
        post: operations["Parcels_receive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/return-policies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every version of the return policy */
        get: operations["Policies_list"];
        put?: never;
        /**
         * Publish a new version of the return policy
         * @description Numbered after the last one; in force from effectiveFrom until a later version takes effect. Returns record the version that decided them.
         */
        post: operations["Policies_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/return-policies/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The version in force now */
        get: operations["Policies_current"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store-credit/{accountId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Store-credit balances of a customer, per currency */
        get: operations["StoreCredit_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store-credit/{accountId}/redemptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Spend store credit at a checkout of any channel
         * @description The order then carries the redemptionId as the reference of a captured tender `store-credit` (order.placed v2 capturedTenders).
         */
        post: operations["StoreCredit_redeem"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/refund-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Refunds of returns the payment system refused
         * @description Every failed refund request, the oldest failure first, with the reason the payment system gave.
         */
        get: operations["RefundRequests_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/refund-requests/{refundId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a refused refund again
         * @description The same return.refund-requested, under the same refundId, goes to the payment system again; the refund waits for its answer until then. Audited in the log with the caller.
         */
        post: operations["RefundRequests_retry"];
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
        ReturnableLineView: {
            /** Format: uuid */
            lineId: string;
            sku: string;
            /** @description price of one unit paid, minor units */
            unitPrice: number;
            /** @description units bought */
            quantity: number;
            /** @description units cancelled before handover */
            cancelled: number;
            /** @description units handed over (collected or delivered) */
            received: number;
            /** @description units returned, or held by an exchange in progress */
            returned: number;
            /** @description units that can still come back: received − returned */
            returnable: number;
            /**
             * Format: date-time
             * @description last handover; the return window runs from here
             */
            receivedAt: string | null;
            /** @description category by the policy in force (SKU prefix rules) */
            category: string;
        };
        ReturnableOrderView: {
            /** Format: uuid */
            orderId: string;
            /** @description receipt number: the first 12 hex digits of the order id */
            receipt: string;
            /**
             * @description channel the order was placed in
             * @enum {string}
             */
            channel: "web" | "app" | "pos" | "call-centre" | "marketplace";
            /** @description store whose POS placed the order */
            placedAtStoreId: string | null;
            customerId: string | null;
            currency: string;
            cancelled: boolean;
            /** Format: date-time */
            placedAt: string;
            lines: components["schemas"]["ReturnableLineView"][];
        };
        ReturnableOrderListView: {
            /** @description newest first, at most 50 */
            orders: components["schemas"]["ReturnableOrderView"][];
        };
        ReturnLineDto: {
            /**
             * Format: uuid
             * @description order line
             * @example 6f1c2a56-3b7e-4c1a-9d2f-0a1b2c3d4e5f
             */
            lineId: string;
            /** @example 1 */
            quantity: number;
            /**
             * @description condition the store finds the unit in; decides its disposition
             * @enum {string}
             */
            condition: "new" | "opened" | "worn" | "damaged" | "faulty";
        };
        ReplacementDto: {
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
        ChargedDto: {
            /** @enum {string} */
            tender: "card" | "cash" | "gift-card" | "store-credit";
            /** @example 500 */
            amount: number;
            /**
             * @description POS or payment terminal reference
             * @example POS-0001
             */
            reference: string;
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
        OpenReturnDto: {
            /**
             * @description the POS's id for this return; a retry with the same id answers the first return and refunds nothing twice
             * @example pos-1-000123
             */
            requestId: string;
            /**
             * Format: uuid
             * @description the order; or give authorisationCode
             */
            orderId?: string;
            /**
             * @description code of a return started online
             * @example K7Q2M9XD
             */
            authorisationCode?: string;
            /**
             * @description none: the order was found by e-mail, phone or loyalty id without the receipt (receipt-less rules apply)
             * @default receipt
             * @enum {string}
             */
            proofOfPurchase: "receipt" | "none";
            lines: components["schemas"]["ReturnLineDto"][];
            /** @description an exchange: what the customer takes instead, from this store's stock */
            replacements?: components["schemas"]["ReplacementDto"][];
            /**
             * @description how a refund is paid: to the tenders of the order, or as store credit
             * @enum {string}
             */
            refundMethod?: "original-tender" | "store-credit";
            /** @description an uneven exchange costing more: the difference, taken at the POS */
            charged?: components["schemas"]["ChargedDto"];
            /** @description an exchange: if this store has no replacement unit, ship the replacements to this address (a new delivery order placed at this store, paid by the return) instead of failing */
            shipReplacementTo?: components["schemas"]["AddressDto"];
            /**
             * @description mail: a parcel received at a returns centre (this location, e.g. a warehouse); needs authorisationCode
             * @default store
             * @enum {string}
             */
            channel: "store" | "mail";
        };
        ReturnedLineView: {
            /** Format: uuid */
            lineId: string;
            sku: string;
            quantity: number;
            unitPrice: number;
            /** @enum {string} */
            condition: "new" | "opened" | "worn" | "damaged" | "faulty";
            /** @enum {string} */
            disposition: "sellable" | "damaged" | "return-to-vendor";
            /** @description policy rule that allowed the line back */
            rule: string;
        };
        ReplacementView: {
            sku: string;
            quantity: number;
            unitPrice: number;
        };
        TenderAmountView: {
            /** @enum {string} */
            tender: "card" | "cash" | "gift-card" | "store-credit";
            amount: number;
            reference: string;
        };
        RefundView: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            tender: "card" | "cash" | "gift-card" | "store-credit";
            /** @description payment reference of the tender, or the store-credit account */
            reference: string;
            amount: number;
            /**
             * Format: uuid
             * @description refundId of return.refund-requested; null for store credit
             */
            refundId: string | null;
            /**
             * Format: date-time
             * @description when payment.refunded confirmed it (store credit: when it was booked); null while the payment system works on it
             */
            settledAt: string | null;
            /**
             * Format: date-time
             * @description when the payment system refused it (payment.refund-failed); null unless it waits for an operator to send it again
             */
            failedAt: string | null;
            /**
             * @description the payment system's reason, while failed
             * @example REFUND.TENDER_CLOSED
             */
            failureReason: string | null;
        };
        ShipToView: {
            name: string;
            line1: string;
            line2: string | null;
            postcode: string;
            city: string;
            country: string;
        };
        ReturnView: {
            /** Format: uuid */
            id: string;
            requestId: string;
            /** Format: uuid */
            orderId: string;
            /** @enum {string} */
            kind: "return" | "exchange";
            /** @enum {string} */
            status: "AWAITING_REPLACEMENT" | "AWAITING_SHIPMENT" | "COMPLETED" | "REPLACEMENT_UNAVAILABLE";
            /** @description store that received the units and finished the return */
            storeId: string;
            associateId: string | null;
            /**
             * @description channel the order was placed in
             * @enum {string}
             */
            orderChannel: "web" | "app" | "pos" | "call-centre" | "marketplace";
            orderPlacedAtStoreId: string | null;
            /** Format: uuid */
            authorisationId: string | null;
            /** @description return policy version that decided */
            policyVersion: number;
            currency: string;
            lines: components["schemas"]["ReturnedLineView"][];
            replacements: components["schemas"]["ReplacementView"][];
            /** @description replacements less returned value: > 0 charged at the POS, < 0 refunded */
            difference: number;
            /** @enum {string|null} */
            refundMethod: "original-tender" | "store-credit" | null;
            refundAmount: number;
            charged: components["schemas"]["TenderAmountView"] | null;
            /** @description refunds asked for, per tender */
            refunds: components["schemas"]["RefundView"][];
            failureReason: string | null;
            /**
             * @description how the units came back: at a store, or by mail to a returns centre (storeId)
             * @enum {string}
             */
            channel: "store" | "mail";
            /** @description where the replacements are shipped if the store has none (name and street read "(erased)" after an erasure) */
            shipTo: components["schemas"]["ShipToView"] | null;
            /**
             * Format: uuid
             * @description the delivery order shipping the replacements
             */
            replacementOrderId: string | null;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            completedAt: string | null;
        };
        AuthorisedLineDto: {
            /**
             * Format: uuid
             * @description order line
             * @example 6f1c2a56-3b7e-4c1a-9d2f-0a1b2c3d4e5f
             */
            lineId: string;
            /** @example 1 */
            quantity: number;
        };
        AuthoriseReturnDto: {
            /**
             * Format: uuid
             * @description the order
             * @example 6f1c2a56-3b7e-4c1a-9d2f-0a1b2c3d4e5f
             */
            orderId: string;
            lines: components["schemas"]["AuthorisedLineDto"][];
            /**
             * @description drop-off: brought to any store; mail: sent with a prepaid carrier label (in the answer) to returnTo, refunded once received and inspected there
             * @default drop-off
             * @enum {string}
             */
            method: "drop-off" | "mail";
            /**
             * @description with method mail (required then): the warehouse or store the parcel is addressed to
             * @example WH-PARIS
             */
            returnTo?: string;
        };
        AuthorisationLineView: {
            /** Format: uuid */
            lineId: string;
            sku: string;
            quantity: number;
        };
        ParcelStepView: {
            /** @enum {string} */
            status: "LABEL_ISSUED" | "IN_TRANSIT" | "DELIVERED" | "RECEIVED";
            /**
             * Format: date-time
             * @description when it happened (the carrier's time for IN_TRANSIT and DELIVERED)
             */
            at: string;
        };
        ParcelView: {
            /** @description the carrier that labelled the parcel (stand-in in the demo and tests) */
            carrier: string;
            /** @description the carrier's label number */
            labelNumber: string;
            /** @description the tracking number; the carrier reports under it, the receiving location scans it */
            trackingNumber: string;
            /**
             * Format: uri
             * @description where the customer follows the parcel
             */
            trackingUrl: string;
            /** @description the warehouse or store on the label */
            returnTo: string;
            /**
             * @description its units are inspected and refunded only once RECEIVED
             * @enum {string}
             */
            status: "LABEL_ISSUED" | "IN_TRANSIT" | "DELIVERED" | "RECEIVED";
            /** @description each status reached, oldest first */
            history: components["schemas"]["ParcelStepView"][];
            /** Format: date-time */
            receivedAt: string | null;
            /** @description the warehouse or store that scanned it in */
            receivedBy: string | null;
        };
        AuthorisationView: {
            /** Format: uuid */
            id: string;
            /** @description the code (or QR content) shown at the store */
            code: string;
            /** Format: uuid */
            orderId: string;
            /** @enum {string} */
            status: "OPEN" | "USED";
            lines: components["schemas"]["AuthorisationLineView"][];
            /** Format: uuid */
            returnId: string | null;
            /** Format: date-time */
            expiresAt: string;
            /**
             * @description dropped at any store, or sent by mail with the carrier label below
             * @enum {string}
             */
            method: "drop-off" | "mail";
            /** @description the parcel of a return by mail: its label, tracking and receipt */
            parcel: components["schemas"]["ParcelView"] | null;
        };
        TrackingReportDto: {
            /**
             * @description IN_TRANSIT once the carrier has the parcel, DELIVERED at the address on the label
             * @example IN_TRANSIT
             * @enum {string}
             */
            status: "IN_TRANSIT" | "DELIVERED";
            /**
             * Format: date-time
             * @description when it happened, as the carrier says
             * @example 2026-12-03T10:00:00Z
             */
            at: string;
        };
        PublishPolicyDto: {
            /**
             * Format: date-time
             * @description when the version takes effect: now or later
             * @example 2030-01-01T00:00:00Z
             */
            effectiveFrom: string;
            /** @description the policy document (docs/returns.md) */
            document?: {
                categories: {
                    /** @example window-default */
                    id: string;
                    skuPrefixes: string[];
                }[];
                windows: {
                    /** @example window-default */
                    id: string;
                    /** @enum {string} */
                    channel: "*" | "web" | "app" | "pos" | "call-centre" | "marketplace";
                    /** @example * */
                    category: string;
                    days: number;
                }[];
                finalSale: {
                    /** @example window-default */
                    id: string;
                    categories: string[];
                };
                conditions: {
                    /** @example window-default */
                    id: string;
                    /** @example * */
                    category: string;
                    accepted: ("new" | "opened" | "worn" | "damaged" | "faulty")[];
                }[];
                dispositions: {
                    /** @enum {string} */
                    new: "sellable" | "damaged" | "return-to-vendor";
                    /** @enum {string} */
                    opened: "sellable" | "damaged" | "return-to-vendor";
                    /** @enum {string} */
                    worn: "sellable" | "damaged" | "return-to-vendor";
                    /** @enum {string} */
                    damaged: "sellable" | "damaged" | "return-to-vendor";
                    /** @enum {string} */
                    faulty: "sellable" | "damaged" | "return-to-vendor";
                };
                receiptless: {
                    /** @example window-default */
                    id: string;
                    allowed: boolean;
                    refundMethods: ("original-tender" | "store-credit")[];
                    maxAmount: number;
                };
            };
        };
        PolicyView: {
            version: number;
            /** Format: date-time */
            effectiveFrom: string;
            /** @description the policy document (docs/returns.md) */
            document: {
                [key: string]: unknown;
            };
            /** Format: date-time */
            publishedAt: string;
            publishedBy: string;
        };
        PolicyListView: {
            policies: components["schemas"]["PolicyView"][];
        };
        BalanceView: {
            currency: string;
            balance: number;
        };
        StoreCreditView: {
            /** @description the customer id */
            accountId: string;
            balances: components["schemas"]["BalanceView"][];
        };
        RedeemDto: {
            /**
             * @description minor units
             * @example 1500
             */
            amount: number;
            /** @example EUR */
            currency: string;
            /**
             * @description the checkout (cart) this pays for; a retry with it spends once
             * @example cart-42
             */
            reference: string;
        };
        RedemptionView: {
            /**
             * Format: uuid
             * @description the reference an order carries for its captured store-credit tender
             */
            redemptionId: string;
            amount: number;
            currency: string;
            /** @description balance left */
            balance: number;
        };
        FailedRefundTenderView: {
            /** @enum {string} */
            tender: "card" | "cash" | "gift-card" | "store-credit";
            reference: string;
            amount: number;
        };
        FailedRefundRequestView: {
            /**
             * Format: uuid
             * @description refundId of return.refund-requested; sent again under the same id
             */
            refundId: string;
            /** Format: uuid */
            returnId: string;
            /** @enum {string} */
            kind: "return" | "exchange";
            /** Format: uuid */
            orderId: string;
            /** @example EUR */
            currency: string;
            /** @description minor units, every tender */
            amount: number;
            tenders: components["schemas"]["FailedRefundTenderView"][];
            /** @example REFUND.TENDER_CLOSED */
            reason: string;
            /** Format: date-time */
            failedAt: string;
            /** @description times it was sent to the payment system */
            attempts: number;
        };
        FailedRefundRequestsView: {
            /** @description the oldest failure first */
            requests: components["schemas"]["FailedRefundRequestView"][];
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
    Lookup_find: {
        parameters: {
            query?: {
                customerId?: string;
                loyaltyId?: string;
                phone?: string;
                email?: string;
                receipt?: string;
                orderId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Matching orders, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnableOrderListView"];
                };
            };
            /** @description Not exactly one criterion, or a malformed one (REQUEST.INVALID) */
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
    Lookup_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                orderId: string;
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
                    "application/json": components["schemas"]["ReturnableOrderView"];
                };
            };
            /** @description orderId is not a UUID (REQUEST.INVALID) */
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
            /** @description Not known here (ORDER.NOT_FOUND) */
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
    Returns_open: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description the receiving store */
                storeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OpenReturnDto"];
            };
        };
        responses: {
            /** @description The return made earlier with this requestId */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
                };
            };
            /** @description The return, COMPLETED or AWAITING_REPLACEMENT */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
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
            /** @description No such order or authorisation (ORDER.NOT_FOUND, AUTHORISATION.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Authorisation used, requestId used for another order (AUTHORISATION.USED, RETURN.REQUEST_ID_REUSED); a parcel sent by mail not yet scanned in here, or scanned in at another location (RETURN.PARCEL_NOT_RECEIVED, RETURN.PARCEL_RECEIVED_ELSEWHERE) */
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
            /** @description Refused by the policy, naming each rule (RETURN.REFUSED_BY_POLICY); a dearer exchange without a payment (EXCHANGE.PAYMENT_REQUIRED) or with another amount than the difference (EXCHANGE.PAYMENT_AMOUNT_MISMATCH); a payment where nothing is owed (EXCHANGE.PAYMENT_NOT_EXPECTED); a refund method missing (REFUND.*); an unknown line; a mail return without authorisation (RETURN.MAIL_NEEDS_AUTHORISATION); an address without replacements (EXCHANGE.NOTHING_TO_SHIP); a replacement unitPrice that is not the price list's price in force at this store's till, or a replacement SKU the list does not price, from a caller without prices:override (PRICE.MISMATCH, PRICE.NOT_LISTED) */
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
    Returns_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description return id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The return */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnView"];
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
            /** @description No such return (RETURN.NOT_FOUND) */
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
    Authorisations_create: {
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
                "application/json": components["schemas"]["AuthoriseReturnDto"];
            };
        };
        responses: {
            /** @description The authorisation with its code, and for mail the parcel with its label */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorisationView"];
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
            /** @description Refused by the policy, naming each rule (RETURN.REFUSED_BY_POLICY); an unknown line */
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
    Authorisations_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The authorisation */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorisationView"];
                };
            };
            /** @description Not a code (REQUEST.INVALID) */
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
            /** @description No such authorisation (AUTHORISATION.NOT_FOUND) */
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
    Parcels_track: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                trackingNumber: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TrackingReportDto"];
            };
        };
        responses: {
            /** @description The authorisation with its parcel */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorisationView"];
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
            /** @description No parcel with this tracking number (PARCEL.NOT_FOUND) */
            404: {
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
    Parcels_receive: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description the receiving warehouse or store */
                storeId: string;
                trackingNumber: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The authorisation with its parcel RECEIVED */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthorisationView"];
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
            /** @description No parcel with this tracking number (PARCEL.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already received at another location (PARCEL.RECEIVED_ELSEWHERE) */
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
    Policies_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Versions, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyListView"];
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
    Policies_publish: {
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
                "application/json": components["schemas"]["PublishPolicyDto"];
            };
        };
        responses: {
            /** @description The published version */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyView"];
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
            /** @description effectiveFrom is in the past (POLICY.EFFECTIVE_IN_PAST) */
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
    Policies_current: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version in force */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PolicyView"];
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
            /** @description None in force (POLICY.NOT_FOUND) */
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
    StoreCredit_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description the customer id */
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The balances (none yet: an empty list) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoreCreditView"];
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
    StoreCredit_redeem: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description the customer id */
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RedeemDto"];
            };
        };
        responses: {
            /** @description Spent earlier with this reference */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedemptionView"];
                };
            };
            /** @description Spent */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RedemptionView"];
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
            /** @description The balance does not cover it, or the reference paid another amount (STORE_CREDIT.INSUFFICIENT, STORE_CREDIT.REFERENCE_REUSED) */
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
    RefundRequests_list: {
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
                    "application/json": components["schemas"]["FailedRefundRequestsView"];
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
    RefundRequests_retry: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                refundId: string;
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
            /** @description No such refund (REFUND_REQUEST.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description It is not failed: settled, or sent again already (REFUND_REQUEST.NOT_FAILED) */
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
