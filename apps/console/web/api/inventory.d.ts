// Generated from docs/openapi/inventory.json by scripts/tools/console-api.mjs: do not edit.
export interface paths {
    "/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every location, by id */
        get: operations["Locations_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/locations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One location */
        get: operations["Locations_get"];
        /** Create or replace a location (store or warehouse) */
        put: operations["Locations_put"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/locations/{locationId}/stock/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Stock of one SKU at one location (zeros when never stocked) */
        get: operations["Stock_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/locations/{locationId}/stock/{sku}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Adjust stock: a receipt, a count or damage */
        post: operations["Stock_adjustStock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/locations/{locationId}/stock/{sku}/safety-stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the safety stock kept back from promises */
        put: operations["Stock_setSafetyStock"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/availability": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Available to promise per store and SKU, and when it could be picked up
         * @description An answer, not a promise: nothing is reserved.
         */
        get: operations["Availability_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/transfers/overdue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Transfers past their expected arrival and not received
         * @description REQUESTED ones the source has not shipped and SHIPPED ones that have not arrived, the longest overdue first; a store token sees those from or to its store. Counted by the transfers_overdue gauge (docs/operations.md, runbook TransfersOverdue).
         */
        get: operations["Transfers_overdue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/transfers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A transfer and the order lines it carries */
        get: operations["Transfers_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/transfers/{id}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The source has shipped the transfer */
        post: operations["Transfers_ship"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/transfers/{id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The store has received the transfer
         * @description Moves the units and their reservations to the store.
         */
        post: operations["Transfers_receive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/transfers/{id}/lost": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Declare a shipped transfer lost: it never arrived
         * @description Writes its units off, and looks for what it carried for a live order again by the sourcing rule: at the destination itself, or at another location with a new transfer. Units found nowhere are given up by the order (cancelled and refunded). One inventory.transfer-lost tells the order service. docs/click-and-collect.md, runbook TransfersOverdue.
         */
        post: operations["Transfers_lost"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/locations/{id}/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Transfers into or out of a location */
        get: operations["Transfers_ofLocation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/reservations/{orderId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An order's reservations: where each line's units are held, and until when */
        get: operations["Reservations_ofOrder"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/supply": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Announce incoming supply of a SKU to a warehouse or store
         * @description Moves the estimates of the preorders it can serve.
         */
        post: operations["Supply_announce"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/supply/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One supply */
        get: operations["Supply_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Re-date expected supply (a late shipment)
         * @description Every preorder waiting for it gets a new estimate; a later one is told to the customer.
         */
        patch: operations["Supply_redate"];
        trace?: never;
    };
    "/supply/{id}/receipt": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive supply
         * @description The units go on hand at the destination and to the preorder queues first come, first served.
         */
        post: operations["Supply_receive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/supply/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel expected supply
         * @description The preorders that counted on it get new estimates.
         */
        post: operations["Supply_cancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/locations/{storeId}/preorder-queues/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A store's preorder queue for a SKU, in placement order */
        get: operations["Supply_queue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/locations/{locationId}/returned-stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Returned units that cannot be sold at a location, by SKU and bucket (never available) */
        get: operations["ReturnedStock_get"];
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
        LocationView: {
            /** @example PARIS */
            id: string;
            /** @example Paris Opéra */
            name: string;
            /** @enum {string} */
            kind: "store" | "warehouse";
            /**
             * @description IANA time zone
             * @example Europe/Paris
             */
            timeZone: string;
            offersPickup: boolean;
            /** @description minutes the store needs to pick an order once the units are there */
            pickTimeMinutes: number;
            /** @description days a ready order waits at the store before it expires */
            pickupHoldDays: number;
            /** @description days a transfer from this location to any store takes */
            transferDays: number;
            /** @example 48.8708 */
            latitude: number | null;
            /** @example 2.3319 */
            longitude: number | null;
        };
        LocationListView: {
            locations: components["schemas"]["LocationView"][];
        };
        LocationDto: {
            /** @example Paris Opéra */
            name: string;
            /**
             * @example store
             * @enum {string}
             */
            kind: "store" | "warehouse";
            /**
             * @description IANA time zone
             * @example Europe/Paris
             */
            timeZone: string;
            /**
             * @description whether customers can collect orders here
             * @example true
             */
            offersPickup: boolean;
            /**
             * @description minutes the store needs to pick an order once the units are there
             * @example 60
             */
            pickTimeMinutes: number;
            /**
             * @description days a ready order waits at the store before it expires
             * @example 3
             */
            pickupHoldDays: number;
            /**
             * @description days a transfer from this location to any store takes
             * @example 2
             */
            transferDays: number;
            /** @example 48.8708 */
            latitude?: number;
            /** @example 2.3319 */
            longitude?: number;
        };
        StockView: {
            /** @example PARIS */
            locationId: string;
            /** @example SKU-1 */
            sku: string;
            /** @description units on the shelves */
            onHand: number;
            /** @description units promised to orders */
            reserved: number;
            /** @description units kept back from promises */
            safetyStock: number;
            /** @description onHand − reserved − safetyStock, never below 0 */
            available: number;
        };
        StockAdjustmentDto: {
            /**
             * @description receipt adds, damage removes, count sets on hand
             * @example receipt
             * @enum {string}
             */
            reason: "receipt" | "count" | "damage";
            /**
             * @description units received or damaged; for a count, the units counted on hand
             * @example 5
             */
            quantity: number;
        };
        SafetyStockDto: {
            /**
             * @description units kept back from promises (display, damage margin)
             * @example 1
             */
            safetyStock: number;
        };
        PickupAnswerView: {
            /**
             * @description from the store shelves, by a transfer, or not at all
             * @enum {string}
             */
            mode: "store" | "transfer" | "none";
            /**
             * Format: date-time
             * @description earliest pickup time
             */
            readyBy: string | null;
            /** @description source of the transfer */
            fromLocationId: string | null;
        };
        AvailabilityAnswerView: {
            /** @example PARIS */
            storeId: string;
            /** @example SKU-1 */
            sku: string;
            availableAtStore: number;
            pickup: components["schemas"]["PickupAnswerView"];
        };
        AvailabilityView: {
            /** @description units asked for per SKU */
            quantity: number;
            /** @description one answer per store and SKU */
            availability: components["schemas"]["AvailabilityAnswerView"][];
        };
        TransferView: {
            /** Format: uuid */
            transferId: string;
            /**
             * Format: uuid
             * @description order the units travel for
             */
            orderId: string;
            fromLocationId: string;
            toLocationId: string;
            /** @enum {string} */
            status: "REQUESTED" | "SHIPPED" | "RECEIVED" | "CANCELLED" | "LOST";
            /** Format: date-time */
            expectedArrivalAt: string;
        };
        OverdueTransfersView: {
            /** @description REQUESTED or SHIPPED past expectedArrivalAt, the longest overdue first (at most 500) */
            transfers: components["schemas"]["TransferView"][];
        };
        TransferLineView: {
            /** Format: uuid */
            lineId: string;
            sku: string;
            quantity: number;
        };
        TransferDetailView: {
            /** Format: uuid */
            transferId: string;
            /**
             * Format: uuid
             * @description order the units travel for
             */
            orderId: string;
            fromLocationId: string;
            toLocationId: string;
            /** @enum {string} */
            status: "REQUESTED" | "SHIPPED" | "RECEIVED" | "CANCELLED" | "LOST";
            /** Format: date-time */
            expectedArrivalAt: string;
            lines: components["schemas"]["TransferLineView"][];
        };
        DeclareTransferLostDto: {
            /**
             * @description why the transfer is declared lost; carried by inventory.transfer-lost
             * @example carrier reports the pallet lost
             */
            reason: string;
        };
        LocationTransfersView: {
            locationId: string;
            /** @enum {string} */
            direction: "inbound" | "outbound";
            transfers: components["schemas"]["TransferView"][];
        };
        ReservationView: {
            /** Format: uuid */
            lineId: string;
            sku: string;
            quantity: number;
            /** @enum {string} */
            status: "ACTIVE" | "IN_TRANSIT" | "RELEASED" | "CONSUMED";
            locationId: string;
            /** Format: uuid */
            transferId: string | null;
            /**
             * Format: date-time
             * @description an unconfirmed reservation expires then
             */
            expiresAt: string | null;
        };
        OrderReservationsView: {
            /** Format: uuid */
            orderId: string;
            reservations: components["schemas"]["ReservationView"][];
        };
        AnnounceSupplyDto: {
            /** @example CONSOLE-X */
            sku: string;
            /**
             * @description destination: a warehouse or a store
             * @example WH-NORD
             */
            locationId: string;
            /**
             * @description units announced: at most what one event line carries
             * @example 40
             */
            quantity: number;
            /**
             * Format: date-time
             * @example 2026-12-04T08:00:00Z
             */
            expectedAt: string;
            /**
             * @description purchase order or shipment reference
             * @example PO-1001
             */
            reference: string;
        };
        SupplyView: {
            /** Format: uuid */
            supplyId: string;
            sku: string;
            locationId: string;
            quantity: number;
            /** Format: date-time */
            expectedAt: string;
            reference: string;
            /** @enum {string} */
            status: "EXPECTED" | "RECEIVED" | "CANCELLED";
            receivedQuantity: number;
        };
        RedateSupplyDto: {
            /**
             * Format: date-time
             * @description new expected arrival
             * @example 2026-12-11T08:00:00Z
             */
            expectedAt: string;
        };
        ReceiveSupplyDto: {
            /**
             * @description units that actually arrived (at most those announced)
             * @example 40
             */
            quantity: number;
        };
        QueueEntryView: {
            /** Format: uuid */
            orderId: string;
            /** Format: uuid */
            fulfilmentId: string;
            /** Format: uuid */
            lineId: string;
            /** @description order of placement at the store, gap-free */
            sequence: number;
            quantity: number;
            /** @description units held for the line at its store so far: a waiting line is served unit by unit as supply arrives, and is ALLOCATED once it holds them all */
            allocated: number;
            /** @enum {string} */
            status: "WAITING" | "ALLOCATED" | "CANCELLED";
            /** @description place among those still waiting */
            position: number | null;
            /** Format: date-time */
            estimatedAt: string | null;
        };
        QueueView: {
            storeId: string;
            sku: string;
            entries: components["schemas"]["QueueEntryView"][];
        };
        ReturnedStockItemView: {
            sku: string;
            /**
             * @description damaged: written off or repaired; return-to-vendor: faulty, goes back to the supplier
             * @enum {string}
             */
            bucket: "damaged" | "return-to-vendor";
            quantity: number;
        };
        ReturnedStockView: {
            locationId: string;
            items: components["schemas"]["ReturnedStockItemView"][];
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
    Locations_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The locations */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LocationListView"];
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
    Locations_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description location id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The location */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LocationView"];
                };
            };
            /** @description id breaks its rule (REQUEST.INVALID) */
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
            /** @description No such location (LOCATION.NOT_FOUND) */
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
    Locations_put: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description location id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LocationDto"];
            };
        };
        responses: {
            /** @description Replaced */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LocationView"];
                };
            };
            /** @description Created */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LocationView"];
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
    Stock_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description location id */
                locationId: string;
                /** @description stock keeping unit */
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stock level */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockView"];
                };
            };
            /** @description A path value breaks its rule (REQUEST.INVALID) */
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
    Stock_adjustStock: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description location id */
                locationId: string;
                /** @description stock keeping unit */
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StockAdjustmentDto"];
            };
        };
        responses: {
            /** @description The stock level after the adjustment */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockView"];
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
            /** @description No such location (LOCATION.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description On hand would drop below reserved units (STOCK.BELOW_RESERVED) */
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
    Stock_setSafetyStock: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description location id */
                locationId: string;
                /** @description stock keeping unit */
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SafetyStockDto"];
            };
        };
        responses: {
            /** @description The stock level */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StockView"];
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
            /** @description No such location (LOCATION.NOT_FOUND) */
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
    Availability_get: {
        parameters: {
            query: {
                /** @description comma-separated list of 1-50 SKUs */
                skus: string;
                /** @description comma-separated list of 1-50 location ids */
                stores: string;
                /** @description units wanted per SKU */
                quantity?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One answer per store and SKU */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AvailabilityView"];
                };
            };
            /** @description A query value breaks its rule (REQUEST.INVALID) */
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
            /** @description A store is unknown (LOCATION.NOT_FOUND) */
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
    Transfers_overdue: {
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
                content: {
                    "application/json": components["schemas"]["OverdueTransfersView"];
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
    Transfers_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description transfer id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The transfer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransferDetailView"];
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
            /** @description No such transfer (TRANSFER.NOT_FOUND) */
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
    Transfers_ship: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description transfer id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The transfer, SHIPPED */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransferView"];
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
            /** @description No such transfer (TRANSFER.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not REQUESTED (TRANSFER.INVALID_TRANSITION) */
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
    Transfers_receive: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description transfer id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The transfer, RECEIVED */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransferView"];
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
            /** @description No such transfer (TRANSFER.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not SHIPPED (TRANSFER.INVALID_TRANSITION) */
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
    Transfers_lost: {
        parameters: {
            query?: never;
            header?: {
                /** @description Retrying with the same key and body returns the first answer (Idempotent-Replayed: true) and does nothing twice; kept IDEMPOTENCY_TTL_HOURS. */
                "Idempotency-Key"?: string;
            };
            path: {
                /** @description transfer id */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeclareTransferLostDto"];
            };
        };
        responses: {
            /** @description The transfer, LOST */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransferView"];
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
            /** @description No such transfer (TRANSFER.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not SHIPPED (TRANSFER.INVALID_TRANSITION) */
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
    Transfers_ofLocation: {
        parameters: {
            query: {
                direction: "inbound" | "outbound";
            };
            header?: never;
            path: {
                /** @description location id */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The transfers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LocationTransfersView"];
                };
            };
            /** @description id or direction breaks its rule (REQUEST.INVALID) */
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
    Reservations_ofOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description order id */
                orderId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The reservations (empty when none) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OrderReservationsView"];
                };
            };
            /** @description orderId is not a UUID */
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
    Supply_announce: {
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
                "application/json": components["schemas"]["AnnounceSupplyDto"];
            };
        };
        responses: {
            /** @description The supply, EXPECTED */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyView"];
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
            /** @description No such location (LOCATION.NOT_FOUND) */
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
    Supply_get: {
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
                    "application/json": components["schemas"]["SupplyView"];
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
            /** @description No such supply (SUPPLY.NOT_FOUND) */
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
    Supply_redate: {
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
                "application/json": components["schemas"]["RedateSupplyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyView"];
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
            /** @description Supply to another store (AUTH.FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such supply (SUPPLY.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already received or cancelled (SUPPLY.NOT_EXPECTED) */
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
    Supply_receive: {
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
                "application/json": components["schemas"]["ReceiveSupplyDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyView"];
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
            /** @description Supply to another store (AUTH.FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such supply (SUPPLY.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already received or cancelled (SUPPLY.NOT_EXPECTED) */
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
            /** @description More units than announced (SUPPLY.OVER_RECEIVED) */
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
    Supply_cancel: {
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SupplyView"];
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
            /** @description Supply to another store (AUTH.FORBIDDEN) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such supply (SUPPLY.NOT_FOUND) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Already received or cancelled (SUPPLY.NOT_EXPECTED) */
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
    Supply_queue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                storeId: string;
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
                    "application/json": components["schemas"]["QueueView"];
                };
            };
            /** @description A path value breaks its rule (REQUEST.INVALID) */
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
    ReturnedStock_get: {
        parameters: {
            query?: {
                sku?: string;
            };
            header?: never;
            path: {
                /** @description location id */
                locationId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The non-sellable buckets */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReturnedStockView"];
                };
            };
            /** @description A path or query value breaks its rule (REQUEST.INVALID) */
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
