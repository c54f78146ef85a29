// Generated from docs/openapi/customer.json by scripts/tools/console-api.mjs: do not edit.
export interface paths {
    "/customers/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Find a customer at the POS: by e-mail, phone, loyalty id, or name with postcode
         * @description Exactly one key (name goes with postcode). Answers each matching profile with its open orders, pickups and recent timeline. A POST, so personal data stays out of URLs and access logs; it changes nothing.
         */
        post: operations["Customers_lookup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/merges": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Merge two profiles of one person
         * @description The survivor keeps every identity, order and consent of both (latest consent per contact channel wins); the merge is recorded with who, when and why, and customer.merged tells the other services. Merging again what is already merged answers the first merge (200).
         */
        post: operations["Customers_merge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{customerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A customer profile: identities, preferences, consents
         * @description customers:read, or the customer's own token. A merged id answers with the profile it was merged into.
         */
        get: operations["Customers_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{customerId}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A customer's timeline across channels, newest first, a page at a time
         * @description Every order event of the profile and of the profiles merged into it, with channel, store and time. customerId is the profile id, or a customer account id (a customer token's own customer_id). customers:read, or the customer's own token.
         */
        get: operations["Customers_timeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{customerId}/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A customer's open orders and pickups
         * @description From the order events: each open order with its fulfilment groups and their state, and the pickups still to collect.
         */
        get: operations["Customers_openOrders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{customerId}/duplicates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Profiles that are likely the same person
         * @description Scored from documented signals (docs/customers.md, Duplicates); merging stays an explicit decision.
         */
        get: operations["Customers_duplicates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/customers/{customerId}/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change home store, preferred contact channel, marketing consents
         * @description The customer's own token, a POS (store:operate) or admin. Each consent is recorded with the time and its source (the token's channel, store and associate or subject); customer.preferences-changed carries the new state.
         */
        patch: operations["Customers_changePreferences"];
        trace?: never;
    };
    "/customers/{customerId}/erasure": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Erase a customer (right to be forgotten)
         * @description Anonymises the profile and every profile merged into it; identities are kept only as keyed hashes so old orders never re-create it; customer.erased tells the other services which accounts and orders to anonymise. Financial records are kept. Erasing again answers the first erasure (200).
         */
        post: operations["Customers_erase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/timeline/rebuild": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rebuild the timeline from the topics, from the beginning
         * @description Re-reads the timeline topics up to their current end with a throw-away consumer group, then replaces the entries of those offsets in one transaction; the service keeps serving meanwhile (docs/operations.md). Answers when done.
         */
        post: operations["Admin_rebuild"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kpis/click-and-collect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Click & collect KPIs per pickup store, channel and day or hour
         * @description Orders with a pickup, time from placement to ready and from ready to collected (p50, p90), pickup, expiry, short-pick and cancellation rates, ship-to-store share, counted in the bucket the order was placed in. Read from the timeline, a projection of the order events rebuildable from the topics. kpis:read; a store token (store_id) sees its own store only.
         */
        get: operations["Kpis_clickAndCollect"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kpis/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Returns and exchanges per store, currency and day or hour
         * @description Returns and exchanges completed in the window, counted at the store that took the units back: how many were bought online (the cross-channel share), received by mail, exchanged (even or not), and what was refunded to the original payment or as store credit, or charged for uneven exchanges. Read from the timeline, rebuildable from the topics. channel filters by the channel the order was placed in. kpis:read; a store token (store_id) sees its own store only.
         */
        get: operations["Kpis_returns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kpis/preorders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Preorders with store pickup per store, channel and day or hour
         * @description Preorder groups placed in the window, counted at their pickup store: how many, how many supply reached (the fill rate), made ready, collected, cancelled, whose estimated date moved, and the times from placement to allocated and from allocated to ready (p50, p90). Read from the timeline, rebuildable from the topics. kpis:read; a store token (store_id) sees its own store only.
         */
        get: operations["Kpis_preorders"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kpis/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Home deliveries per shipping location, channel and day or hour
         * @description Delivery groups of the orders placed in the window, counted at the store or warehouse inventory assigned them to: how many, the location's share of all of them (ship-from-store share at a store), shipped, delivered, failed and cancelled before shipping, and the times from placement to shipped and shipped to delivered (p50, p90). Read from the timeline, rebuildable from the topics. kpis:read; a store token (store_id) sees what its own store ships only.
         */
        get: operations["Kpis_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/kpis/endless-aisle": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The endless aisle per store and day or hour
         * @description Orders a store's POS placed in the window, and how many it could not hand over there and then: delivered to an address, or to collect at another store. Read from the timeline, rebuildable from the topics. The channel filter does not apply (these are POS orders). kpis:read; a store token (store_id) sees its own store only.
         */
        get: operations["Kpis_endlessAisle"];
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
        LookupDto: {
            /** @example ada@example.com */
            email?: string;
            /**
             * @description any format; read in PHONE_DEFAULT_REGION without a country code
             * @example 06 12 34 56 78
             */
            phone?: string;
            /** @example LOY-1234-5678 */
            loyaltyId?: string;
            /**
             * @description with postcode
             * @example Ada Martin
             */
            name?: string;
            /**
             * @description with name
             * @example 75011
             */
            postcode?: string;
        };
        GroupView: {
            /** Format: uuid */
            fulfilmentId: string;
            /** @enum {string} */
            type: "pickup" | "delivery";
            /** @description pickup store, or the location shipping a delivery */
            storeId: string | null;
            /** @example READY_FOR_PICKUP */
            status: string;
            /** Format: date-time */
            readyBy: string | null;
            /** Format: date-time */
            pickupDeadline: string | null;
        };
        OrderSummaryView: {
            /** Format: uuid */
            orderId: string;
            /** @enum {string|null} */
            channel: "web" | "app" | "pos" | "call-centre" | "marketplace" | null;
            /** Format: date-time */
            placedAt: string | null;
            placedAtStoreId: string | null;
            open: boolean;
            groups: components["schemas"]["GroupView"][];
            /**
             * Format: date-time
             * @description time of the latest event
             */
            updatedAt: string;
        };
        PickupView: {
            /** Format: uuid */
            fulfilmentId: string;
            /** @enum {string} */
            type: "pickup" | "delivery";
            /** @description pickup store, or the location shipping a delivery */
            storeId: string | null;
            /** @example READY_FOR_PICKUP */
            status: string;
            /** Format: date-time */
            readyBy: string | null;
            /** Format: date-time */
            pickupDeadline: string | null;
            /** Format: uuid */
            orderId: string;
        };
        IdentityView: {
            /** @enum {string} */
            kind: "account" | "loyalty-id" | "email" | "phone";
            /**
             * @description channel of an account id; null for the others
             * @enum {string|null}
             */
            channel: "web" | "app" | "pos" | "call-centre" | "marketplace" | null;
            /**
             * @description normalised value: lower-case e-mail, E.164 phone, loyalty id without spaces, account id
             * @example ada@example.com
             */
            value: string;
        };
        ConsentSourceView: {
            /**
             * @description channel it was recorded in; null from a back-office system
             * @enum {string|null}
             */
            channel: "web" | "app" | "pos" | "call-centre" | "marketplace" | null;
            /**
             * @description store where it was recorded
             * @example PARIS
             */
            storeId: string | null;
            /**
             * @description associate, customer account or back-office user that recorded it
             * @example a-7
             */
            recordedBy: string;
        };
        MarketingConsentView: {
            /** @enum {string} */
            contactChannel: "email" | "sms" | "push" | "phone" | "post";
            granted: boolean;
            /** Format: date-time */
            recordedAt: string;
            source: components["schemas"]["ConsentSourceView"];
        };
        ProfileView: {
            /**
             * Format: uuid
             * @description customer (profile) id; a merged id answers with the profile it was merged into
             */
            customerId: string;
            /** @enum {string} */
            status: "ACTIVE" | "MERGED" | "ERASED";
            /** @description profiles merged into this one */
            mergedCustomerIds: string[];
            /** @example Ada Martin */
            name: string | null;
            /** @example 75011 */
            postcode: string | null;
            identities: components["schemas"]["IdentityView"][];
            /** @example PARIS */
            homeStoreId: string | null;
            /** @enum {string|null} */
            preferredContactChannel: "email" | "sms" | "push" | "phone" | "post" | null;
            /** @description a contact channel not listed has no consent */
            marketingConsents: components["schemas"]["MarketingConsentView"][];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            /** Format: date-time */
            erasedAt: string | null;
        };
        TimelineEntryView: {
            /**
             * Format: uuid
             * @description id of the event the entry records
             */
            eventId: string;
            /**
             * @description what happened (the event type)
             * @example order.collected
             */
            kind: string;
            /** Format: uuid */
            orderId: string;
            /**
             * Format: uuid
             * @description fulfilment group; null: the whole order
             */
            fulfilmentId: string | null;
            /**
             * @description channel it happened in (a store's steps: pos; system steps: the order's channel)
             * @example pos
             */
            channel: string | null;
            /**
             * @description store or location where it happened
             * @example PARIS
             */
            storeId: string | null;
            /** Format: date-time */
            occurredAt: string;
        };
        LookupMatchView: {
            openOrders: components["schemas"]["OrderSummaryView"][];
            /** @description pickup groups not collected, cancelled or expired yet */
            pickups: components["schemas"]["PickupView"][];
            profile: components["schemas"]["ProfileView"];
            /** @description the 10 most recent entries */
            recentTimeline: components["schemas"]["TimelineEntryView"][];
        };
        LookupView: {
            /** @description at most one for an e-mail, phone or loyalty id; up to 20 for a name and postcode */
            matches: components["schemas"]["LookupMatchView"][];
        };
        MergeDto: {
            /**
             * Format: uuid
             * @description the profile merged away
             */
            mergedCustomerId: string;
            /**
             * Format: uuid
             * @description the profile that keeps both histories
             */
            survivingCustomerId: string;
            /**
             * @description why, for the audit trail
             * @example same person: confirmed by phone
             */
            reason: string;
        };
        MergeView: {
            /** Format: uuid */
            mergeId: string;
            /** Format: uuid */
            mergedCustomerId: string;
            /** Format: uuid */
            survivingCustomerId: string;
            /** @description token subject of whoever merged */
            mergedBy: string;
            reason: string;
            /** Format: date-time */
            mergedAt: string;
        };
        TimelineView: {
            /** @description the profile id; the reference asked for when no profile answers to it */
            customerId: string;
            /** @description newest first */
            entries: components["schemas"]["TimelineEntryView"][];
            /** @description cursor of the next (older) page; null on the last page */
            nextCursor: string | null;
        };
        OpenOrdersView: {
            openOrders: components["schemas"]["OrderSummaryView"][];
            /** @description pickup groups not collected, cancelled or expired yet */
            pickups: components["schemas"]["PickupView"][];
        };
        DuplicateView: {
            /** Format: uuid */
            customerId: string;
            /**
             * @description combined strength of the signals, 0 to 1
             * @example 0.92
             */
            score: number;
            /**
             * @example [
             *       "same-order",
             *       "same-name-and-postcode"
             *     ]
             */
            signals: string[];
        };
        DuplicatesView: {
            /** Format: uuid */
            customerId: string;
            /** @description best first */
            candidates: components["schemas"]["DuplicateView"][];
        };
        ConsentDto: {
            /** @enum {string} */
            contactChannel: "email" | "sms" | "push" | "phone" | "post";
            /** @description true: consent given; false: withdrawn */
            granted: boolean;
        };
        PreferencesDto: {
            /**
             * @description null clears it
             * @example PARIS
             */
            homeStoreId?: string | null;
            /**
             * @description null clears it
             * @enum {string|null}
             */
            preferredContactChannel?: "email" | "sms" | "push" | "phone" | "post" | null;
            /** @description marketing consents given or withdrawn now, per contact channel */
            marketingConsents?: components["schemas"]["ConsentDto"][];
        };
        ErasureView: {
            /** Format: uuid */
            customerId: string;
            /** @description profiles merged into it, erased with it */
            formerCustomerIds: string[];
            /** @description orders whose personal data the other services anonymise */
            orderIds: string[];
            requestedBy: string;
            /** Format: date-time */
            erasedAt: string;
        };
        RebuildPositionView: {
            topic: string;
            partition: number;
            /** @description end offset read up to (exclusive) */
            offset: string;
        };
        RebuildView: {
            /** Format: uuid */
            rebuildId: string;
            messagesRead: number;
            entries: number;
            upTo: components["schemas"]["RebuildPositionView"][];
        };
        PickupKpisView: {
            /**
             * Format: date-time
             * @description start of the bucket (UTC) the orders were placed in
             * @example 2026-12-03T00:00:00Z
             */
            bucket: string;
            /** @description pickup store */
            storeId: string;
            /**
             * @description channel the orders were placed in
             * @enum {string|null}
             */
            channel: "web" | "app" | "pos" | "call-centre" | "marketplace" | null;
            /** @description orders with a pickup here */
            orders: number;
            /** @description pickup groups (an order split over stores counts once per store) */
            pickups: number;
            /** @description pickups made ready for collection */
            ready: number;
            collected: number;
            /** @description ready and never collected before the deadline */
            expired: number;
            /** @description cancelled (by the customer, the store or the system) before collection */
            cancelledBeforePickup: number;
            shortPicked: number;
            /** @description served by a transfer from another location */
            shipToStore: number;
            /** @description seconds from placement to ready, median */
            placedToReadyP50s: number | null;
            placedToReadyP90s: number | null;
            /** @description seconds from ready to collected, median */
            readyToCollectedP50s: number | null;
            readyToCollectedP90s: number | null;
            /** @description collected / ready */
            pickupRate: number | null;
            /** @description expired / ready */
            expiryRate: number | null;
            /** @description short picked / pickups */
            shortPickRate: number | null;
            /** @description ship-to-store / pickups */
            shipToStoreShare: number | null;
            /** @description cancelled before pickup / pickups */
            cancelledBeforePickupRate: number | null;
        };
        ClickAndCollectKpisView: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @enum {string} */
            granularity: "day" | "hour";
            /** @description one row per bucket, pickup store and channel; buckets without orders are left out */
            rows: components["schemas"]["PickupKpisView"][];
        };
        ReturnKpisRowView: {
            /**
             * Format: date-time
             * @description start of the bucket (UTC) the returns were completed in
             * @example 2026-12-03T00:00:00Z
             */
            bucket: string;
            /** @description the store that took the units back */
            storeId: string;
            /** @example EUR */
            currency: string;
            /** @description returns and exchanges completed */
            returns: number;
            /** @description of those, bought in another channel than a store POS (web, app, call centre, marketplace) */
            boughtOnline: number;
            /** @description of those, received by mail */
            byMail: number;
            exchanges: number;
            /** @description exchanges for exactly the value returned */
            evenExchanges: number;
            /** @description refunded to the original payment, minor units */
            refundedToTender: number;
            /** @description refunded as store credit, minor units */
            refundedAsStoreCredit: number;
            /** @description paid on top for uneven exchanges, minor units */
            chargedForExchanges: number;
            /** @description units taken back as sellable: back on hand at the store */
            unitsRestocked: number;
            /** @description units taken back damaged: kept apart, not on hand */
            unitsDamaged: number;
            /** @description units taken back to be returned to the vendor: kept apart, not on hand */
            unitsReturnToVendor: number;
            /** @description bought online / returns: the cross-channel share */
            crossChannelShare: number | null;
            /** @description exchanges / returns */
            exchangeShare: number | null;
            /** @description store credit / everything refunded */
            storeCreditShare: number | null;
            /** @description restocked / every unit taken back */
            restockRate: number | null;
        };
        ReturnKpisView: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @enum {string} */
            granularity: "day" | "hour";
            /** @description one row per bucket, store and currency; buckets without returns are left out */
            rows: components["schemas"]["ReturnKpisRowView"][];
        };
        PreorderKpisRowView: {
            /**
             * Format: date-time
             * @description start of the bucket (UTC) the preorders were placed in
             * @example 2026-12-03T00:00:00Z
             */
            bucket: string;
            /** @description pickup store */
            storeId: string;
            /**
             * @description channel the preorders were placed in
             * @enum {string}
             */
            channel: "web" | "app" | "pos" | "call-centre" | "marketplace";
            /** @description preorder groups (pickup groups queued for supply, or allocated from it at once) */
            preorders: number;
            /** @description those supply reached: units allocated, at the store or on their way */
            allocated: number;
            ready: number;
            collected: number;
            /** @description cancelled before collection */
            cancelled: number;
            /** @description whose estimated date moved at least once */
            rescheduled: number;
            /** @description seconds from placement to allocated, median */
            placedToAllocatedP50s: number | null;
            /** @description seconds from allocated (supply in) to ready, median */
            allocatedToReadyP50s: number | null;
            allocatedToReadyP90s: number | null;
            /** @description allocated / preorders */
            fillRate: number | null;
            /** @description rescheduled / preorders */
            rescheduleRate: number | null;
        };
        PreorderKpisView: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @enum {string} */
            granularity: "day" | "hour";
            /** @description one row per bucket, pickup store and channel; buckets without preorders are left out */
            rows: components["schemas"]["PreorderKpisRowView"][];
        };
        DeliveryKpisRowView: {
            /**
             * Format: date-time
             * @description start of the bucket (UTC) the orders were placed in
             * @example 2026-12-03T00:00:00Z
             */
            bucket: string;
            /** @description the store or warehouse that ships them */
            locationId: string;
            /**
             * @description channel the orders were placed in
             * @enum {string}
             */
            channel: "web" | "app" | "pos" | "call-centre" | "marketplace";
            /** @description delivery groups assigned to this location (a delivery split over locations counts once per location) */
            shipments: number;
            /** @description delivery groups of every location in the bucket and channel */
            allShipments: number;
            shipped: number;
            delivered: number;
            /** @description reported refused, lost or undeliverable by the carrier */
            failed: number;
            /** @description cancelled before they were shipped */
            cancelledBeforeShipping: number;
            /** @description seconds from placement to shipped, median */
            placedToShippedP50s: number | null;
            placedToShippedP90s: number | null;
            /** @description seconds from shipped to delivered, median */
            shippedToDeliveredP50s: number | null;
            shippedToDeliveredP90s: number | null;
            /** @description shipments / allShipments: at a store, its ship-from-store share */
            shareOfShipments: number | null;
            /** @description delivered / shipped */
            deliveredRate: number | null;
            /** @description failed / shipped */
            failedRate: number | null;
        };
        DeliveryKpisView: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @enum {string} */
            granularity: "day" | "hour";
            /** @description one row per bucket, shipping location and channel; buckets without deliveries are left out */
            rows: components["schemas"]["DeliveryKpisRowView"][];
        };
        EndlessAisleKpisRowView: {
            /**
             * Format: date-time
             * @description start of the bucket (UTC) the orders were placed in
             * @example 2026-12-03T00:00:00Z
             */
            bucket: string;
            /** @description the store whose POS placed them */
            storeId: string;
            /** @description orders its POS placed */
            posOrders: number;
            /** @description with a group delivered to an address */
            forDelivery: number;
            /** @description with a group to collect at another store */
            forPickupElsewhere: number;
            /** @description with either: endless-aisle sales */
            endlessAisle: number;
            /** @description endlessAisle / posOrders */
            endlessAisleShare: number | null;
        };
        EndlessAisleKpisView: {
            /** Format: date-time */
            from: string;
            /** Format: date-time */
            to: string;
            /** @enum {string} */
            granularity: "day" | "hour";
            /** @description one row per bucket and store; buckets without POS orders are left out */
            rows: components["schemas"]["EndlessAisleKpisRowView"][];
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
    Customers_lookup: {
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
                "application/json": components["schemas"]["LookupDto"];
            };
        };
        responses: {
            /** @description The matches (none: an empty list) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LookupView"];
                };
            };
            /** @description No key, more than one, a name without postcode, or a key that cannot be an e-mail or phone number (REQUEST.INVALID) */
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
    Customers_merge: {
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
                "application/json": components["schemas"]["MergeDto"];
            };
        };
        responses: {
            /** @description Already merged so: the earlier merge */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergeView"];
                };
            };
            /** @description Merged */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergeView"];
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
            /** @description No such customer (CUSTOMER.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A profile was merged into another or erased (CUSTOMER.MERGED, CUSTOMER.ERASED) */
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
            /** @description The same profile twice (CUSTOMER.SAME_PROFILE) */
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
    Customers_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description customer (profile) id */
                customerId: string;
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
                    "application/json": components["schemas"]["ProfileView"];
                };
            };
            /** @description customerId is not a UUID (REQUEST.INVALID) */
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
            /** @description No such customer (CUSTOMER.NOT_FOUND) */
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
    Customers_timeline: {
        parameters: {
            query?: {
                /** @description entries per page */
                limit?: number;
                /** @description nextCursor of the previous page */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description customer (profile) id, or a customer account id */
                customerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page (empty for an unknown customer) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TimelineView"];
                };
            };
            /** @description customerId, limit or cursor breaks its rule (REQUEST.INVALID) */
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
    Customers_openOrders: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description customer (profile) id */
                customerId: string;
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
                    "application/json": components["schemas"]["OpenOrdersView"];
                };
            };
            /** @description customerId is not a UUID (REQUEST.INVALID) */
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
            /** @description No such customer (CUSTOMER.NOT_FOUND) */
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
    Customers_duplicates: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description customer (profile) id */
                customerId: string;
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
                    "application/json": components["schemas"]["DuplicatesView"];
                };
            };
            /** @description customerId is not a UUID (REQUEST.INVALID) */
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
            /** @description No such customer (CUSTOMER.NOT_FOUND) */
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
    Customers_changePreferences: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description customer (profile) id */
                customerId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PreferencesDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProfileView"];
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
            /** @description No such customer (CUSTOMER.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The profile was merged or erased (CUSTOMER.MERGED, CUSTOMER.ERASED) */
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
    Customers_erase: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description customer (profile) id */
                customerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Erased before: the earlier erasure */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureView"];
                };
            };
            /** @description Erased */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErasureView"];
                };
            };
            /** @description customerId is not a UUID (REQUEST.INVALID) */
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
            /** @description No such customer (CUSTOMER.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The profile was merged into another: erase that one (CUSTOMER.MERGED) */
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
    Admin_rebuild: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
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
                    "application/json": components["schemas"]["RebuildView"];
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
            /** @description A rebuild is running in this instance (TIMELINE.REBUILD_RUNNING) */
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
    Kpis_clickAndCollect: {
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
                    "application/json": components["schemas"]["ClickAndCollectKpisView"];
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
    Kpis_returns: {
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
                    "application/json": components["schemas"]["ReturnKpisView"];
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
    Kpis_preorders: {
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
                    "application/json": components["schemas"]["PreorderKpisView"];
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
    Kpis_deliveries: {
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
                    "application/json": components["schemas"]["DeliveryKpisView"];
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
    Kpis_endlessAisle: {
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
                    "application/json": components["schemas"]["EndlessAisleKpisView"];
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
