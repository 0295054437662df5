// Generated from the OpenAPI document by `npm run web:types`; a test fails when it is stale.
export interface paths {
    "/v1/registrations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a registration, with the actions the caller may take on it now */
        get: {
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
                /** @description The registration */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Registration"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/registrations/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every action on a registration: who, when, from and to which state, why */
        get: {
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
                /** @description The history, oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["History"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/origin-certificates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a origin certificate, with the actions the caller may take on it now */
        get: {
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
                /** @description The origin certificate */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OriginCertificate"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/origin-certificates/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every action on a origin certificate: who, when, from and to which state, why */
        get: {
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
                /** @description The history, oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["History"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a residence review, with the actions the caller may take on it now */
        get: {
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
                /** @description The residence review */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Review"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every action on a residence review: who, when, from and to which state, why */
        get: {
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
                /** @description The history, oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["History"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assistance-requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a assistance request, with the actions the caller may take on it now */
        get: {
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
                /** @description The assistance request */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssistanceRequest"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assistance-requests/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every action on a assistance request: who, when, from and to which state, why */
        get: {
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
                /** @description The history, oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["History"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/appeals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a appeal, with the actions the caller may take on it now */
        get: {
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
                /** @description The appeal */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Appeal"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/appeals/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every action on a appeal: who, when, from and to which state, why */
        get: {
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
                /** @description The history, oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["History"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a group, with the actions the caller may take on it now */
        get: {
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
                /** @description The group */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Group"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/groups/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every action on a group: who, when, from and to which state, why */
        get: {
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
                /** @description The history, oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["History"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/registrations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report an arrival and open a registration case */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["RegistrationRequest"];
                };
            };
            responses: {
                /** @description The new case with its registration deadline */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Registration"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/registrations/{id}/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** verify the registration (409 when its state does not allow it) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["VerifyRequest"];
                };
            };
            responses: {
                /** @description The registration after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Registration"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/registrations/{id}/request-supplement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** request supplement the registration (409 when its state does not allow it) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["SupplementRequest"];
                };
            };
            responses: {
                /** @description The registration after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Registration"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/registrations/{id}/supplement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** supplement the registration (409 when its state does not allow it) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["SupplementBody"];
                };
            };
            responses: {
                /** @description The registration after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Registration"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/registrations/{id}/refuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** refuse the registration (409 when its state does not allow it) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["RefuseRequest"];
                };
            };
            responses: {
                /** @description The registration after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Registration"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/registrations/{id}/update-details": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** update details the registration (409 when its state does not allow it) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["UpdateDetailsRequest"];
                };
            };
            responses: {
                /** @description The registration after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Registration"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/registrations/{id}/renew": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** renew the registration (409 when its state does not allow it) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["RenewRequest"];
                };
            };
            responses: {
                /** @description The registration after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Registration"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/registrations/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** revoke the registration (409 when its state does not allow it) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["RevokeRequest"];
                };
            };
            responses: {
                /** @description The registration after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Registration"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/registrations/{id}/depart": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** depart the registration (409 when its state does not allow it) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["DepartRequest"];
                };
            };
            responses: {
                /** @description The registration after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Registration"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/origin-certificates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply for an origin certificate before leaving */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["OriginCertificateRequest"];
                };
            };
            responses: {
                /** @description The application with its processing deadline */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OriginCertificate"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/origin-certificates/{id}/issue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** issue the origin certificate (409 when its state does not allow it) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["IssueRequest"];
                };
            };
            responses: {
                /** @description The origin certificate after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OriginCertificate"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/origin-certificates/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** reject the origin certificate (409 when its state does not allow it) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["RejectRequest"];
                };
            };
            responses: {
                /** @description The origin certificate after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OriginCertificate"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/origin-certificates/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** revoke the origin certificate (409 when its state does not allow it) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": {
                        /** @description Why, in words the person can read */
                        reason: string;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description The origin certificate after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["OriginCertificate"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** confirm the residence review (409 when its state does not allow it) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ReviewConfirmation"];
                };
            };
            responses: {
                /** @description The residence review after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Review"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reviews/{id}/record-visit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** record visit the residence review (409 when its state does not allow it) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ReviewVisit"];
                };
            };
            responses: {
                /** @description The residence review after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Review"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assistance-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Assistance requests received inside a jurisdiction, or sent by an office, newest activity first */
        get: {
            parameters: {
                query: {
                    jurisdiction: components["schemas"]["JurisdictionCode"];
                    /** @description received: asked of offices inside jurisdiction; sent: asked by exactly that office */
                    direction?: "received" | "sent";
                    state?: "open" | "answered" | "declined" | "overdue";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of requests */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CasePage"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Ask another office of this deployment about a person or a case (协查) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["AssistanceRequestCreate"];
                };
            };
            responses: {
                /** @description The request with its reply deadline */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssistanceRequest"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assistance-requests/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** answer the assistance request (409 when its state does not allow it) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["AssistanceAnswer"];
                };
            };
            responses: {
                /** @description The assistance request after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssistanceRequest"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/assistance-requests/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** decline the assistance request (409 when its state does not allow it) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["AssistanceDecline"];
                };
            };
            responses: {
                /** @description The assistance request after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AssistanceRequest"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/appeals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Appeal a decision on your case (a rejection or revocation) within the policy window */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["AppealCreate"];
                };
            };
            responses: {
                /** @description The appeal with its decision deadline */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Appeal"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/appeals/{id}/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** decide the appeal (409 when its state does not allow it) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["AppealDecision"];
                };
            };
            responses: {
                /** @description The appeal after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Appeal"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** File an organised group at the destination: the organisation, its responsible person, the agreement and the members (each gets a registration) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["GroupCreate"];
                };
            };
            responses: {
                /** @description The group with its filing deadline */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Group"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/groups/{id}/add-members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** add members the group (409 when its state does not allow it) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["GroupMembersAdd"];
                };
            };
            responses: {
                /** @description The group after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Group"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/groups/{id}/remove-member": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** remove member the group (409 when its state does not allow it) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["GroupMemberRemove"];
                };
            };
            responses: {
                /** @description The group after the action */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Group"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start a bulk filing (employer staff list, landlord tenant list): an import id and a presigned URL to PUT the CSV to */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ImportCreate"];
                };
            };
            responses: {
                /** @description The import, waiting for its file */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportCreated"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An import's progress and error rows; ?format=csv downloads the error rows to fix and upload again */
        get: {
            parameters: {
                query?: {
                    /** @description csv: the error rows, to fix and upload again */
                    format?: "json" | "csv";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The import */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ImportStatus"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cases worked inside a jurisdiction (by the office that works each: destination, origin, the office asked, the reviewing office), newest activity first */
        get: {
            parameters: {
                query: {
                    jurisdiction: components["schemas"]["JurisdictionCode"];
                    type?: "registration" | "origin_certificate" | "review" | "assistance_request" | "appeal" | "group";
                    state?: "reported" | "awaiting_supplement" | "registered" | "overdue" | "departed" | "closed" | "applied" | "issued" | "rejected" | "revoked" | "due" | "completed" | "cancelled" | "open" | "answered" | "declined" | "lodged" | "upheld" | "reversed" | "filed" | "complete";
                    overdue?: "true" | "false";
                    dueBefore?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of cases */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CasePage"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in person's own cases, newest activity first */
        get: {
            parameters: {
                query?: {
                    type?: "registration" | "origin_certificate" | "review" | "assistance_request" | "appeal" | "group";
                    state?: "reported" | "awaiting_supplement" | "registered" | "overdue" | "departed" | "closed" | "applied" | "issued" | "rejected" | "revoked" | "due" | "completed" | "cancelled" | "open" | "answered" | "declined" | "lodged" | "upheld" | "reversed" | "filed" | "complete";
                    overdue?: "true" | "false";
                    dueBefore?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of cases */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CasePage"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/access-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who read the signed-in person's record: which offices and agencies, when, why; newest first */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of accesses */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AccessLogPage"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What one user read and wrote between two days (supervisors, for users of their jurisdiction), newest first */
        get: {
            parameters: {
                query: {
                    /** @description The user (token subject) whose accesses to list */
                    sub: string;
                    /** @description First day (Asia/Shanghai) */
                    from: string;
                    /** @description Last day (Asia/Shanghai) */
                    to: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of audit records */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AuditPage"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/people/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** An office finds a person's cases within its reach by ID number (in the body, so in no access log), with a reason; audited */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["PeopleSearch"];
                };
            };
            responses: {
                /** @description The cases, masked */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CasePage"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/cases/{id}/reveal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A case's full ID and phone numbers, for an office that works it, with a reason; audited */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["RevealRequest"];
                };
            };
            responses: {
                /** @description The full numbers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Revealed"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certificates/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Check a certificate: validity only, and with ?idNumber= whether it belongs to that person */
        get: {
            parameters: {
                query?: {
                    /** @description 18-character citizen ID number */
                    idNumber?: components["schemas"]["IdNumber"];
                };
                header?: never;
                path: {
                    /** @description OC- (origin) or VC- (verification) and 12 characters; case, spaces and hyphens do not matter */
                    number: components["schemas"]["CertificateNumber"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The certificate's validity */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CertificateCheck"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                429: {
                    headers: {
                        /** @description Seconds to wait before retrying */
                        "Retry-After"?: number;
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/certificates/{number}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record what an agency decided after checking a certificate */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path: {
                    /** @description OC- (origin) or VC- (verification) and 12 characters; case, spaces and hyphens do not matter */
                    number: components["schemas"]["CertificateNumber"];
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["AgencyDecisionRequest"];
                };
            };
            responses: {
                /** @description The recorded decision */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AgencyDecision"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jurisdictions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The provinces (where a jurisdiction picker starts; each one lists its children) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The provinces */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Provinces"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jurisdictions/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A jurisdiction with its children */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: components["schemas"]["JurisdictionCode"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The jurisdiction */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Jurisdiction"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Add or rename a jurisdiction (administrators) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: components["schemas"]["JurisdictionCode"];
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["JurisdictionRequest"];
                };
            };
            responses: {
                /** @description Renamed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Jurisdiction"];
                    };
                };
                /** @description Added */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Jurisdiction"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jurisdictions/{code}/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An office's inbox of notices, newest first; `unread=true` for those nobody acknowledged */
        get: {
            parameters: {
                query?: {
                    /** @description true: only notices nobody has acknowledged */
                    unread?: "true" | "false";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    code: components["schemas"]["JurisdictionCode"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of notices */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["NoticePage"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jurisdictions/{code}/notices/figures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An inbox's feedback figures over a period (days filed, Asia/Shanghai): notices received, acknowledged in time or late, unread, unread past the deadline */
        get: {
            parameters: {
                query: {
                    /** @description Notices filed on or after this day (Asia/Shanghai) */
                    from: string;
                    /** @description and on or before this one */
                    to: string;
                };
                header?: never;
                path: {
                    code: components["schemas"]["JurisdictionCode"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The figures */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FeedbackFigures"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jurisdictions/{code}/notices/{eventId}/ack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a notice read (the first acknowledgement stands); a read notice is no longer reminded or escalated */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: components["schemas"]["JurisdictionCode"];
                    eventId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The notice, acknowledged */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Notice"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The national administrators' inbox, newest first: what the deployment needs of them (a year's holiday notice not loaded) */
        get: {
            parameters: {
                query?: {
                    /** @description true: only notices nobody has acknowledged */
                    unread?: "true" | "false";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of notices */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminNoticePage"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/notices/{eventId}/ack": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a national administrators' notice read (acknowledging again changes nothing) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    eventId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The notice, read */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdminNotice"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a case's person was sent by SMS and e-mail, or will be (held in the quiet hours), oldest first */
        get: {
            parameters: {
                query: {
                    caseId: string;
                    /** @description Only messages to this phone number or e-mail address */
                    to?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of messages */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["MessagePage"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jurisdictions/{code}/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The policy in force at a jurisdiction, and the prefix each setting came from */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    code: components["schemas"]["JurisdictionCode"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The resolved policy */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ResolvedPolicy"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policies/{prefix}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The policy override stored for a prefix (`national` for every jurisdiction) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    prefix: "national" | components["schemas"]["JurisdictionCode"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The override */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PolicyOverrideDocument"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Set the policy override for a prefix (administrators); running deadlines keep their period */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    prefix: "national" | components["schemas"]["JurisdictionCode"];
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["PolicyOverride"];
                };
            };
            responses: {
                /** @description Replaced */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PolicyOverrideDocument"];
                    };
                };
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PolicyOverrideDocument"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/calendars/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A year's national holidays: its State Council notice where loaded (`source: notice`), else the statutory holidays computed from the law (`source: statutory`) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The year */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CalendarYear"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        /** Load a year's holiday notice (national administrators): every statutory day inside a holiday period, make-up days on weekends; provisional deadlines are counted again with it */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    year: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["CalendarNoticeRequest"];
                };
            };
            responses: {
                /** @description Replaced */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CalendarYear"];
                    };
                };
                /** @description Loaded */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CalendarYear"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The agency's subscriptions (an administrator sees those inside their jurisdiction) */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of subscriptions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SubscriptionPage"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Subscribe an agency endpoint to events (agency accounts): signed webhooks, the secret shown once */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["SubscriptionCreate"];
                };
            };
            responses: {
                /** @description The subscription, with its signing secret */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SubscriptionWithSecret"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A subscription: its endpoint, events, state, failing since, exhausted deliveries */
        get: {
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
                /** @description The subscription */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Subscription"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a subscription: nothing more is delivered */
        delete: {
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
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Pause deliveries: events are held until it is resumed */
        post: {
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
                /** @description The subscription, paused */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Subscription"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Resume a paused or disabled subscription: held deliveries go, in order per case */
        post: {
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
                /** @description The subscription, active */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Subscription"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A new signing secret, shown once; the old one keeps signing beside it for 24 hours */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The subscription, with the new secret */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SubscriptionWithSecret"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A subscription's deliveries, newest event first, each with its attempts (time, status, latency, error) */
        get: {
            parameters: {
                query?: {
                    state?: "held" | "waiting" | "pending" | "delivered" | "exhausted" | "cancelled";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of deliveries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["DeliveryPage"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/deliveries/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver again every event of a time range (or only the exhausted ones), oldest first */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["ReplayRange"];
                };
            };
            responses: {
                /** @description How many were put through again */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Replayed"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/subscriptions/{id}/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deliver an event again (a delivered or exhausted one), with a fresh retry schedule */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    deliveryId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The delivery, on its way again */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Delivery"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/federation/peers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The peer deployments this one sends events to and takes events from (national administrators) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The peers */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PeerList"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Register a peer deployment: its base URL, its prefixes, the shared signing key (made here and shown once when left out) */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description draft-ietf-httpapi-idempotency-key-header: a retry with the same key and body within 24 hours answers what the first request created (Idempotent-Replayed: true); another body is 422; a retry while the first runs is 409 with Retry-After */
                    "Idempotency-Key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["PeerCreate"];
                };
            };
            responses: {
                /** @description The peer */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PeerWithSecret"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/federation/peers/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a peer: nothing more is sent to it or taken from it */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Removed */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/federation/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A peer deployment's event, signed with the shared key (Standard Webhooks headers): its notices are filed here, and a departure towards us opens the case */
        post: {
            parameters: {
                query?: never;
                header: {
                    /** @description The event delivery's id, the same on every redelivery: a redelivery answers what the first did */
                    "webhook-id": string;
                    /** @description Seconds since the epoch; more than five minutes off is refused */
                    "webhook-timestamp": string;
                    /** @description v1,<base64 HMAC-SHA256 of "<webhook-id>.<webhook-timestamp>.<body>"> with the key shared when the peer was registered; several, space-separated, during a rotation */
                    "webhook-signature": string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Filed (a repeated event id changes nothing) */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statistics/definitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each completeness rate's definition as data: its denominator, numerator, the date that places a case in a period, what on time means */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The definitions */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["RateDefinitionList"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statistics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each completeness rate per period (dekad, month, quarter) for a jurisdiction and everything under it: numerator, denominator, target, whether it meets it; a running period is provisional */
        get: {
            parameters: {
                query: {
                    jurisdiction: string;
                    /** @description First day (Asia/Shanghai); the period holding it is the first listed */
                    from: string;
                    /** @description Last day; the period holding it is the last listed */
                    to: string;
                    /** @description dekad (10-day period), month or quarter */
                    period?: "dekad" | "month" | "quarter";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every period in the range, empty ones too */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StatisticsResult"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statistics/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cases behind a figure: a rate's denominator, numerator, or the missing (denominator less numerator), page by page */
        get: {
            parameters: {
                query: {
                    jurisdiction: string;
                    rate: "registeredOnTime" | "certificatesProcessedInTime" | "verificationCertificatesIssued" | "reviewsOnTime" | "noticesAcknowledgedInTime" | "appealsDecidedInTime";
                    /** @description 2026-11 (month), 2026-11-1…3 (days 1–10, 11–20, 21–end), 2026-Q4 (quarter) */
                    period: string;
                    /** @description denominator: every case the rate judges; numerator: those that count as done; missing: the denominator less the numerator */
                    part?: "numerator" | "denominator" | "missing";
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of the cases counted */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["StatisticsCasePage"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/statistics/quality": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An office's data-quality list: required fields missing, stale cases, deadlines that ran without an outcome, update frequency */
        get: {
            parameters: {
                query: {
                    /** @description The office (a township), or a county or above for every office inside it */
                    jurisdiction: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The findings */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["QualityResult"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A jurisdiction's published reports (every version; a correction says what changed), newest first */
        get: {
            parameters: {
                query: {
                    jurisdiction: string;
                    /** @description 2026-11 (month), 2026-11-1…3 (days 1–10, 11–20, 21–end), 2026-Q4 (quarter) */
                    period?: string;
                    limit?: number;
                    cursor?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description A page of reports */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ReportPage"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One published report: JSON, or CSV (UTF-8 with a byte-order mark) with ?format=csv */
        get: {
            parameters: {
                query?: {
                    /** @description csv: UTF-8 with a byte-order mark, for spreadsheets */
                    format?: "json" | "csv";
                };
                header?: never;
                path: {
                    /** @description <jurisdiction>_<period>_v<version> */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Report"];
                    };
                };
                /** @description Problem details */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This document */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description OpenAPI 3.1 document */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/schemas": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event catalogue: every CloudEvents type with its version, the offices it notifies, its personal fields and the JSON Schema of its data */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The catalogue */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventCatalogue"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/events/schemas/{type}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One event type's entry in the catalogue (what a CloudEvent's `dataschema` points at) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    type: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The event type */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventType"];
                    };
                };
                /** @description Problem details */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
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
        Registration: {
            /** Format: uuid */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "registration";
            /** @enum {string} */
            state: "reported" | "awaiting_supplement" | "registered" | "overdue" | "departed" | "closed";
            person: {
                name: string;
                /** @description Masked (110105********002X): the full number through POST /v1/cases/{id}/reveal */
                idNumber: string;
                /** @description Masked (138****8000) */
                phone: string;
                email?: string;
                /** @enum {string} */
                language?: "zh" | "en";
            };
            /**
             * @description A closed case keeps its personal data until this day (policy retentionYears), then is minimised
             * @example 2026-11-20
             */
            retainUntil?: string;
            /**
             * Format: date-time
             * @description When the personal data was removed; the case stays for statistics
             */
            minimisedAt?: string;
            /** @description The first day each kind of deadline fell due and the first time each action was taken: what places the case in a reporting period (GET /v1/statistics/definitions) */
            marks?: {
                due: {
                    [key: string]: components["schemas"]["LocalDate"];
                };
                taken: {
                    [key: string]: string;
                };
            };
            originCode: components["schemas"]["JurisdictionCode"];
            deadline: components["schemas"]["Deadline"];
            openedBy: components["schemas"]["Actor"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            /** @description Reading one case: the action routes the caller may take on it now */
            availableActions?: string[];
            destinationCode: components["schemas"]["JurisdictionCode"];
            arrivalDate: components["schemas"]["LocalDate"];
            expectedStayDays: number;
            originCertificateNumber?: string;
            verificationCertificate?: components["schemas"]["Certificate"];
            supplementRequest?: {
                items: string[];
                reason: string;
                /** Format: date-time */
                requestedAt: string;
            };
            departure?: {
                date: components["schemas"]["LocalDate"];
                nextDestinationCode?: components["schemas"]["JurisdictionCode"];
            };
            /** Format: uuid */
            previousCaseId?: string;
            /** Format: uuid */
            nextCaseId?: string;
            /**
             * Format: uuid
             * @description The residence review that is due, or was last due
             */
            reviewId?: string;
            /**
             * Format: uuid
             * @description The organised group the person came with
             */
            groupId?: string;
            /** @description Where the person lives, from an employer's or landlord's filing */
            premises?: string;
            /**
             * Format: uuid
             * @description The bulk filing that reported it
             */
            importId?: string;
            /** @description Agencies' decisions against the certificate (reading one case) */
            agencyDecisions?: components["schemas"]["AgencyDecision"][];
        };
        /**
         * @description A date in Asia/Shanghai, YYYY-MM-DD
         * @example 2026-11-20
         */
        LocalDate: string;
        /** @example 110105001 */
        JurisdictionCode: string;
        /** @description The last local date on time, the instant it is missed, and the policy period it started with */
        Deadline: {
            /** @enum {string} */
            kind: "originCertificateProcessing" | "registration" | "supplement" | "verification" | "review" | "assistanceReply" | "appealDecision" | "groupFiling" | "noticeAcknowledgement";
            date: components["schemas"]["LocalDate"];
            /** Format: date-time */
            dueAt: string;
            /** @description Absent on deadlines started before periods were recorded */
            period?: {
                count: number;
                /** @enum {string} */
                unit: "calendar_days" | "working_days" | "months";
            };
            /** Format: date-time */
            startedAt?: string;
            /**
             * @description The local date the period counts from
             * @example 2026-11-20
             */
            from?: string;
            /**
             * @description A working-day count ran into a year whose holiday notice is not loaded: the date may move when it is (the person is told)
             * @enum {boolean}
             */
            provisional?: true;
            /** @description On a provisional deadline: the years whose holiday notice it awaits */
            awaiting?: number[];
            /** @description What the deadline does by itself: reminders before it, the overdue step at it, escalations after it */
            stages?: {
                name: string;
                /** @enum {string} */
                type: "reminder" | "overdue" | "escalation";
                /** Format: date-time */
                at: string;
            }[];
        } | null;
        /** @description Who acted: the account, its role and, for office accounts, the office */
        Actor: {
            sub: string;
            /** @enum {string} */
            role: "caseworker" | "supervisor" | "person" | "admin" | "filer" | "agency" | "system";
            office?: components["schemas"]["JurisdictionCode"];
            organisation?: string;
        };
        Certificate: {
            number: string;
            validFrom: components["schemas"]["LocalDate"];
            validUntil: components["schemas"]["LocalDate"];
            revoked?: {
                /** Format: date-time */
                at: string;
                reason: string;
            };
            supersededBy?: string;
        };
        AgencyDecision: {
            /** Format: uuid */
            id: string;
            certificateNumber: string;
            agency: string;
            decision: string;
            reference: string;
            /** Format: date-time */
            at: string;
            by: components["schemas"]["Actor"];
        };
        /** @description RFC 9457 problem details */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            instance?: string;
            /** @description On 409: the state the refused action met */
            state?: string;
            errors?: {
                field: string;
                reason: string;
            }[];
        };
        History: {
            items: components["schemas"]["HistoryEntry"][];
        };
        HistoryEntry: {
            /** Format: uuid */
            caseId: string;
            /** Format: date-time */
            at: string;
            action: string;
            from: string | null;
            to: string;
            by: components["schemas"]["Actor"];
            reason?: string;
            note?: string;
        };
        OriginCertificate: {
            /** Format: uuid */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "origin_certificate";
            /** @enum {string} */
            state: "applied" | "issued" | "rejected" | "revoked" | "overdue";
            person: {
                name: string;
                /** @description Masked (110105********002X): the full number through POST /v1/cases/{id}/reveal */
                idNumber: string;
                /** @description Masked (138****8000) */
                phone: string;
                email?: string;
                /** @enum {string} */
                language?: "zh" | "en";
            };
            /**
             * @description A closed case keeps its personal data until this day (policy retentionYears), then is minimised
             * @example 2026-11-20
             */
            retainUntil?: string;
            /**
             * Format: date-time
             * @description When the personal data was removed; the case stays for statistics
             */
            minimisedAt?: string;
            /** @description The first day each kind of deadline fell due and the first time each action was taken: what places the case in a reporting period (GET /v1/statistics/definitions) */
            marks?: {
                due: {
                    [key: string]: components["schemas"]["LocalDate"];
                };
                taken: {
                    [key: string]: string;
                };
            };
            originCode: components["schemas"]["JurisdictionCode"];
            deadline: components["schemas"]["Deadline"];
            openedBy: components["schemas"]["Actor"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            /** @description Reading one case: the action routes the caller may take on it now */
            availableActions?: string[];
            intendedDestinationCode?: components["schemas"]["JurisdictionCode"];
            plannedDeparture?: components["schemas"]["LocalDate"];
            certificate?: components["schemas"]["Certificate"];
            rejection?: {
                reason: string;
            };
            usedBy?: string[];
        };
        Review: {
            /** Format: uuid */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "review";
            /** @enum {string} */
            state: "due" | "completed" | "overdue" | "cancelled";
            person: {
                name: string;
                /** @description Masked (110105********002X): the full number through POST /v1/cases/{id}/reveal */
                idNumber: string;
                /** @description Masked (138****8000) */
                phone: string;
                email?: string;
                /** @enum {string} */
                language?: "zh" | "en";
            };
            /**
             * @description A closed case keeps its personal data until this day (policy retentionYears), then is minimised
             * @example 2026-11-20
             */
            retainUntil?: string;
            /**
             * Format: date-time
             * @description When the personal data was removed; the case stays for statistics
             */
            minimisedAt?: string;
            /** @description The first day each kind of deadline fell due and the first time each action was taken: what places the case in a reporting period (GET /v1/statistics/definitions) */
            marks?: {
                due: {
                    [key: string]: components["schemas"]["LocalDate"];
                };
                taken: {
                    [key: string]: string;
                };
            };
            originCode: components["schemas"]["JurisdictionCode"];
            deadline: components["schemas"]["Deadline"];
            openedBy: components["schemas"]["Actor"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            /** @description Reading one case: the action routes the caller may take on it now */
            availableActions?: string[];
            destinationCode: components["schemas"]["JurisdictionCode"];
            /** Format: uuid */
            registrationId: string;
            round: number;
            result?: {
                /**
                 * @description unchanged; changed_address (give address); changed_employer (give employer); left
                 * @enum {string}
                 */
                outcome: "unchanged" | "changed_address" | "changed_employer" | "left";
                address?: string;
                employer?: string;
                note?: string;
                /** @enum {string} */
                by: "person" | "visit";
                /** Format: date-time */
                at: string;
            };
        };
        AssistanceRequest: {
            /** Format: uuid */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "assistance_request";
            /** @enum {string} */
            state: "open" | "answered" | "declined" | "overdue";
            /**
             * @description The asking office
             * @example 110105001
             */
            originCode: string;
            /**
             * @description The office asked
             * @example 110105001
             */
            destinationCode: string;
            subject: {
                /** Format: uuid */
                caseId: string;
            } | {
                idNumber: string;
            };
            question: string;
            answer?: {
                text: string;
                /** Format: date-time */
                at: string;
            };
            declined?: {
                reason: string;
                /** Format: date-time */
                at: string;
            };
            deadline: components["schemas"]["Deadline"];
            openedBy: components["schemas"]["Actor"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            /** @description Reading one case: the action routes the caller may take on it now */
            availableActions?: string[];
        };
        Appeal: {
            /** Format: uuid */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "appeal";
            /** @enum {string} */
            state: "lodged" | "upheld" | "reversed" | "overdue";
            person?: {
                name: string;
                /** @description Masked (110105********002X): the full number through POST /v1/cases/{id}/reveal */
                idNumber: string;
                /** @description Masked (138****8000) */
                phone: string;
                email?: string;
                /** @enum {string} */
                language?: "zh" | "en";
            };
            /**
             * @description A closed case keeps its personal data until this day (policy retentionYears), then is minimised
             * @example 2026-11-20
             */
            retainUntil?: string;
            /**
             * Format: date-time
             * @description When the personal data was removed; the case stays for statistics
             */
            minimisedAt?: string;
            /** @description The first day each kind of deadline fell due and the first time each action was taken: what places the case in a reporting period (GET /v1/statistics/definitions) */
            marks?: {
                due: {
                    [key: string]: components["schemas"]["LocalDate"];
                };
                taken: {
                    [key: string]: string;
                };
            };
            /**
             * @description The deciding office
             * @example 110105001
             */
            originCode: string;
            deadline: components["schemas"]["Deadline"];
            openedBy: components["schemas"]["Actor"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            /** @description Reading one case: the action routes the caller may take on it now */
            availableActions?: string[];
            /**
             * @description The reviewing office: the level above
             * @example 110105001
             */
            destinationCode: string;
            appealed: {
                /** Format: uuid */
                caseId: string;
                /** @enum {string} */
                caseType: "registration" | "origin_certificate" | "review" | "assistance_request" | "appeal" | "group";
                decision: {
                    action: string;
                    /** Format: date-time */
                    at: string;
                    by: components["schemas"]["Actor"];
                    from: string | null;
                    to: string;
                    reason?: string;
                };
            };
            grounds: string;
            outcome?: {
                /** @enum {string} */
                decision: "upheld" | "reversed";
                reason: string;
                /** Format: date-time */
                at: string;
            };
        };
        /** @description person is the responsible person */
        Group: {
            /** Format: uuid */
            id: string;
            /**
             * @description discriminator enum property added by openapi-typescript
             * @enum {string}
             */
            type: "group";
            /** @enum {string} */
            state: "filed" | "complete" | "overdue";
            person: {
                name: string;
                /** @description Masked (110105********002X): the full number through POST /v1/cases/{id}/reveal */
                idNumber: string;
                /** @description Masked (138****8000) */
                phone: string;
                email?: string;
                /** @enum {string} */
                language?: "zh" | "en";
            };
            /**
             * @description A closed case keeps its personal data until this day (policy retentionYears), then is minimised
             * @example 2026-11-20
             */
            retainUntil?: string;
            /**
             * Format: date-time
             * @description When the personal data was removed; the case stays for statistics
             */
            minimisedAt?: string;
            /** @description The first day each kind of deadline fell due and the first time each action was taken: what places the case in a reporting period (GET /v1/statistics/definitions) */
            marks?: {
                due: {
                    [key: string]: components["schemas"]["LocalDate"];
                };
                taken: {
                    [key: string]: string;
                };
            };
            originCode: components["schemas"]["JurisdictionCode"];
            deadline: components["schemas"]["Deadline"];
            openedBy: components["schemas"]["Actor"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            version: number;
            /** @description Reading one case: the action routes the caller may take on it now */
            availableActions?: string[];
            destinationCode: components["schemas"]["JurisdictionCode"];
            arrivalDate: components["schemas"]["LocalDate"];
            organisation: {
                name: string;
                creditCode?: string;
            };
            agreementReference: string;
            members: {
                /** Format: uuid */
                registrationId: string;
                name: string;
                /** @description Masked */
                idNumber: string;
                /** @enum {string} */
                status: "pending" | "registered" | "removed";
                reason?: string;
            }[];
        };
        RegistrationRequest: {
            person: components["schemas"]["Person"];
            originCode: components["schemas"]["JurisdictionCode"];
            destinationCode: components["schemas"]["JurisdictionCode"];
            arrivalDate: components["schemas"]["LocalDate"];
            /** @description How long the person expects to stay; policy sets the minimum (Measures §2: 30 days) */
            expectedStayDays: number;
            originCertificateNumber?: components["schemas"]["CertificateNumber"];
        };
        Person: {
            name: string;
            idNumber: components["schemas"]["IdNumber"];
            phone: string;
            /**
             * Format: email
             * @description Reminders are e-mailed here as well as texted
             */
            email?: string;
            /**
             * @description The language of reminders (default zh)
             * @enum {string}
             */
            language?: "zh" | "en";
        };
        /**
         * @description 18-character citizen ID number
         * @example 11010519491231002X
         */
        IdNumber: string;
        /**
         * @description OC- (origin) or VC- (verification) and 12 characters; case, spaces and hyphens do not matter
         * @example VC-7K2M-9QD3-HX8P
         */
        CertificateNumber: string;
        VerifyRequest: {
            note?: string;
        };
        SupplementRequest: {
            items: string[];
            /** @description Why, in words the person can read */
            reason: string;
        };
        SupplementBody: {
            note?: string;
        };
        RefuseRequest: {
            /** @description Why, in words the person can read */
            reason: string;
            note?: string;
        };
        UpdateDetailsRequest: {
            phone?: string;
            /** @description How long the person expects to stay; policy sets the minimum (Measures §2: 30 days) */
            expectedStayDays?: number;
            premises?: string;
            note?: string;
        };
        RenewRequest: {
            note?: string;
        };
        RevokeRequest: {
            /** @description Why, in words the person can read */
            reason: string;
            note?: string;
        };
        DepartRequest: {
            departureDate: components["schemas"]["LocalDate"];
            nextDestinationCode?: components["schemas"]["JurisdictionCode"];
            note?: string;
        };
        OriginCertificateRequest: {
            person: components["schemas"]["Person"];
            originCode: components["schemas"]["JurisdictionCode"];
            intendedDestinationCode?: components["schemas"]["JurisdictionCode"];
            plannedDeparture?: components["schemas"]["LocalDate"];
        };
        IssueRequest: {
            note?: string;
        };
        RejectRequest: {
            /** @description Why, in words the person can read */
            reason: string;
            note?: string;
        };
        ReviewConfirmation: {
            /**
             * @description unchanged; changed_address (give address); changed_employer (give employer); left
             * @enum {string}
             */
            outcome: "unchanged" | "changed_address" | "changed_employer" | "left";
            address?: string;
            employer?: string;
            note?: string;
        };
        ReviewVisit: {
            /**
             * @description unchanged; changed_address (give address); changed_employer (give employer); left
             * @enum {string}
             */
            outcome: "unchanged" | "changed_address" | "changed_employer" | "left";
            address?: string;
            employer?: string;
            note?: string;
        };
        AssistanceRequestCreate: {
            /**
             * @description The office asked: any jurisdiction of this deployment
             * @example 110105001
             */
            toCode: string;
            /** @description A case of this deployment, or a person by ID number */
            subject: {
                /** Format: uuid */
                caseId: string;
            } | {
                idNumber: components["schemas"]["IdNumber"];
            };
            question: string;
            /** @description Calendar days to reply, up to the policy maximum (assistanceReplyMaxDays); the policy period otherwise */
            dueDays?: number;
        };
        CasePage: {
            items: (components["schemas"]["Registration"] | components["schemas"]["OriginCertificate"] | components["schemas"]["Review"] | components["schemas"]["AssistanceRequest"] | components["schemas"]["Appeal"] | components["schemas"]["Group"])[];
            cursor?: string;
        };
        AssistanceAnswer: {
            answer: string;
        };
        AssistanceDecline: {
            /** @description Why, in words the person can read */
            reason: string;
        };
        AppealCreate: {
            /** Format: uuid */
            caseId: string;
            /** @description The decision appealed: its action and time, as the case history shows them */
            decision: {
                action: string;
                /** Format: date-time */
                at: string;
            };
            grounds: string;
        };
        AppealDecision: {
            /** @enum {string} */
            outcome: "upheld" | "reversed";
            /** @description Why, in words the person can read */
            reason: string;
        };
        GroupCreate: {
            responsiblePerson: components["schemas"]["Person"];
            organisation: {
                name: string;
                creditCode?: string;
            };
            agreementReference: string;
            originCode: components["schemas"]["JurisdictionCode"];
            destinationCode: components["schemas"]["JurisdictionCode"];
            arrivalDate: components["schemas"]["LocalDate"];
            members: {
                person: components["schemas"]["Person"];
                /** @description How long the person expects to stay; policy sets the minimum (Measures §2: 30 days) */
                expectedStayDays: number;
                /**
                 * @description The member's origin, when not the group's
                 * @example 110105001
                 */
                originCode?: string;
                /**
                 * @description The member's arrival, when not the group's (a later batch)
                 * @example 2026-11-20
                 */
                arrivalDate?: string;
            }[];
        };
        GroupMembersAdd: {
            members: {
                person: components["schemas"]["Person"];
                /** @description How long the person expects to stay; policy sets the minimum (Measures §2: 30 days) */
                expectedStayDays: number;
                /**
                 * @description The member's origin, when not the group's
                 * @example 110105001
                 */
                originCode?: string;
                /**
                 * @description The member's arrival, when not the group's (a later batch)
                 * @example 2026-11-20
                 */
                arrivalDate?: string;
            }[];
        };
        GroupMemberRemove: {
            /** Format: uuid */
            registrationId: string;
            /** @description Why, in words the person can read */
            reason: string;
        };
        ImportCreated: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            state: "waiting_for_upload" | "processing" | "done" | "failed";
            destinationCode: components["schemas"]["JurisdictionCode"];
            /** Format: uuid */
            groupId?: string;
            by: components["schemas"]["Actor"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            rows: number;
            /** @description Rows processed so far */
            done: number;
            created: number;
            /** @description Rows naming a person who already has an open registration at the destination: its phone, expected stay and premises are brought up to date, no second case is made */
            updated: number;
            failed: number;
            /** @description Why the whole file was refused */
            reason?: string;
            /** @description Each column's heading as the file's first row spelled it (e.g. idNumber: 身份证号), once the file is read: the error rows come back under them */
            headings?: {
                [key: string]: string;
            };
            upload: {
                /** @enum {string} */
                method: "PUT";
                /** Format: uri */
                url: string;
                /** Format: date-time */
                expiresAt: string;
            };
        };
        ImportCreate: {
            /**
             * @description Where the premises are: the arrivals are reported there. Required, except for a group's members (the group's destination)
             * @example 110105001
             */
            destinationCode?: string;
            /**
             * Format: uuid
             * @description The rows are members of this organised group: each joins it, as POST /v1/groups/{id}/add-members
             */
            groupId?: string;
        };
        ImportStatus: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            state: "waiting_for_upload" | "processing" | "done" | "failed";
            destinationCode: components["schemas"]["JurisdictionCode"];
            /** Format: uuid */
            groupId?: string;
            by: components["schemas"]["Actor"];
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            updatedAt: string;
            rows: number;
            /** @description Rows processed so far */
            done: number;
            created: number;
            /** @description Rows naming a person who already has an open registration at the destination: its phone, expected stay and premises are brought up to date, no second case is made */
            updated: number;
            failed: number;
            /** @description Why the whole file was refused */
            reason?: string;
            /** @description Each column's heading as the file's first row spelled it (e.g. idNumber: 身份证号), once the file is read: the error rows come back under them */
            headings?: {
                [key: string]: string;
            };
            errors: {
                items: {
                    row: number;
                    field: string;
                    reason: string;
                    values: {
                        [key: string]: string;
                    };
                }[];
                cursor?: string;
            };
        };
        AccessLogPage: {
            items: components["schemas"]["AccessLogEntry"][];
            cursor?: string;
        };
        AccessLogEntry: {
            /** Format: date-time */
            at: string;
            /**
             * @description sent: personal fields an agency received through its subscription
             * @enum {string}
             */
            action: "read" | "write" | "reveal" | "lookup" | "list" | "sent";
            /** Format: uuid */
            caseId?: string;
            caseType?: string;
            purpose: string;
            reason?: string;
            /** @description The office or agency; the staff account (`sub`) only where the office's policy accessLogNamesStaff says so */
            by: {
                role: string;
                office?: string;
                agency?: string;
                sub?: string;
            };
        };
        AuditPage: {
            items: components["schemas"]["AuditRecord"][];
            cursor?: string;
        };
        AuditRecord: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            at: string;
            sub: string;
            role: string;
            office?: string;
            agency?: string;
            /**
             * @description sent: personal fields an agency received through its subscription
             * @enum {string}
             */
            action: "read" | "write" | "reveal" | "lookup" | "list" | "sent";
            /** Format: uuid */
            caseId?: string;
            caseType?: string;
            caseIds?: string[];
            fields?: string[];
            route: string;
            purpose: string;
            reason?: string;
        };
        PeopleSearch: {
            idNumber: components["schemas"]["IdNumber"];
            /** @description Why the office looks the person up: recorded in the audit the person reads */
            reason: string;
        };
        Revealed: {
            /** Format: uuid */
            caseId: string;
            idNumber?: string;
            phone?: string;
        };
        RevealRequest: {
            /** @description Why the full numbers are needed: recorded in the audit the person reads */
            reason: string;
            /** @description Which numbers (default both) */
            fields?: ("idNumber" | "phone")[];
        };
        /** @description Validity only: nothing about the holder */
        CertificateCheck: {
            /** @enum {string} */
            kind: "origin" | "verification";
            /** @enum {string} */
            status: "valid" | "expired" | "revoked" | "superseded";
            validFrom: components["schemas"]["LocalDate"];
            validUntil: components["schemas"]["LocalDate"];
            /** @description Present when idNumber was given */
            holderMatches?: boolean;
        };
        AgencyDecisionRequest: {
            /** @description The agency that decided, e.g. 朝阳分局出入境管理支队 */
            agency: string;
            /** @description What it decided, e.g. residence permit issued */
            decision: string;
            /** @description The agency's own file reference */
            reference: string;
        };
        Provinces: {
            items: {
                code: components["schemas"]["JurisdictionCode"];
                name: string;
                /** @enum {string} */
                level: "province" | "prefecture" | "county" | "township" | "community";
            }[];
        };
        Jurisdiction: {
            code: components["schemas"]["JurisdictionCode"];
            name: string;
            /** @enum {string} */
            level: "province" | "prefecture" | "county" | "township" | "community";
            parentCode?: components["schemas"]["JurisdictionCode"];
            children: {
                code: components["schemas"]["JurisdictionCode"];
                name: string;
                /** @enum {string} */
                level: "province" | "prefecture" | "county" | "township" | "community";
            }[];
        };
        JurisdictionRequest: {
            name: string;
            /**
             * @description Implied by the code; when given it must agree
             * @enum {string}
             */
            level?: "province" | "prefecture" | "county" | "township" | "community";
        };
        NoticePage: {
            items: components["schemas"]["Notice"][];
            cursor?: string;
        };
        Notice: {
            jurisdiction: components["schemas"]["JurisdictionCode"];
            eventId: string;
            type: string;
            caseId: string;
            /** @enum {string} */
            caseType: "registration" | "origin_certificate" | "review" | "assistance_request" | "appeal" | "group";
            /** Format: date-time */
            time: string;
            originCode: components["schemas"]["JurisdictionCode"];
            destinationCode?: components["schemas"]["JurisdictionCode"];
            data: {
                [key: string]: unknown;
            };
            /** @description Read, by whom and when (POST …/ack) */
            acknowledged?: {
                /** Format: date-time */
                at: string;
                by: {
                    sub: string;
                    /** @enum {string} */
                    role: "caseworker" | "supervisor" | "person" | "admin" | "filer" | "agency" | "system";
                    office?: components["schemas"]["JurisdictionCode"];
                };
            };
            /** @description Unread past this, the notice is late: reminded, then escalated */
            acknowledgeBy?: {
                /** @enum {string} */
                kind: "originCertificateProcessing" | "registration" | "supplement" | "verification" | "review" | "assistanceReply" | "appealDecision" | "groupFiling" | "noticeAcknowledgement";
                date: components["schemas"]["LocalDate"];
                /** Format: date-time */
                dueAt: string;
                /** @description Absent on deadlines started before periods were recorded */
                period?: {
                    count: number;
                    /** @enum {string} */
                    unit: "calendar_days" | "working_days" | "months";
                };
                /** Format: date-time */
                startedAt?: string;
                /**
                 * @description The local date the period counts from
                 * @example 2026-11-20
                 */
                from?: string;
                /**
                 * @description A working-day count ran into a year whose holiday notice is not loaded: the date may move when it is (the person is told)
                 * @enum {boolean}
                 */
                provisional?: true;
                /** @description On a provisional deadline: the years whose holiday notice it awaits */
                awaiting?: number[];
                /** @description What the deadline does by itself: reminders before it, the overdue step at it, escalations after it */
                stages?: {
                    name: string;
                    /** @enum {string} */
                    type: "reminder" | "overdue" | "escalation";
                    /** Format: date-time */
                    at: string;
                }[];
            };
            /** @description It passed its acknowledgement deadline unread */
            late?: {
                /** Format: date-time */
                at: string;
            };
        };
        FeedbackFigures: {
            jurisdiction: components["schemas"]["JurisdictionCode"];
            from: components["schemas"]["LocalDate"];
            to: components["schemas"]["LocalDate"];
            /** @description Notices filed in the period that are owed an acknowledgement */
            received: number;
            acknowledged: number;
            /** @description Acknowledged by their deadline (policy noticeAcknowledgement) */
            acknowledgedInTime: number;
            acknowledgedLate: number;
            unread: number;
            /** @description Still unread, past their deadline */
            unreadLate: number;
            /** @description acknowledgedInTime / (acknowledged + unreadLate): of those decided, read in time */
            inTimeRate: number | null;
            medianHoursToAcknowledge: number | null;
        };
        AdminNoticePage: {
            items: components["schemas"]["AdminNotice"][];
            cursor?: string;
        };
        /** @description A notice to the national administrators about the deployment itself */
        AdminNotice: {
            /** @enum {string} */
            jurisdiction: "national";
            eventId: string;
            /**
             * @description `calendar.notice_missing`: a year's holiday notice should be loaded (PUT /v1/calendars/{year}) and is not
             * @enum {string}
             */
            type: "calendar.notice_missing";
            /** Format: date-time */
            time: string;
            data: {
                [key: string]: unknown;
            };
            acknowledged?: {
                /** Format: date-time */
                at: string;
                by: {
                    sub: string;
                    /** @enum {string} */
                    role: "caseworker" | "supervisor" | "person" | "admin" | "filer" | "agency" | "system";
                };
            };
        };
        MessagePage: {
            items: components["schemas"]["Message"][];
            cursor?: string;
        };
        Message: {
            id: string;
            caseId: string;
            stage: string;
            /** @enum {string} */
            channel: "sms" | "email";
            to: string;
            /** @enum {string} */
            language: "zh" | "en";
            subject?: string;
            text: string;
            /**
             * @description held: waiting for the quiet hours to end (goes at releaseAt); queued; sent; failed (see failure); skipped: recorded, not sent (see reason)
             * @enum {string}
             */
            state: "held" | "queued" | "sent" | "failed" | "skipped";
            /** Format: date-time */
            dueAt: string;
            /** Format: date-time */
            releaseAt?: string;
            /** Format: date-time */
            sentAt?: string;
            failure?: string;
            /** @description Why a skipped message was not sent: a sweep that caught up sends only the latest reminder due, none once the deadline has passed */
            reason?: string;
            /** @description The later reminder (stage) that went instead of a skipped one */
            supersededBy?: string;
        };
        ResolvedPolicy: {
            code: components["schemas"]["JurisdictionCode"];
            policy: {
                originCertificateProcessing: components["schemas"]["Period"];
                originCertificateValidityMonths: number;
                registration: components["schemas"]["Period"];
                supplement: components["schemas"]["Period"];
                verification: components["schemas"]["Period"];
                verificationCertificateValidityMonths: number;
                minimumAge: number | null;
                minimumStayDays: number | null;
                assistanceReply: components["schemas"]["Period"];
                appealWindowDays: number;
                appealDecision: components["schemas"]["Period"];
                groupFiling: components["schemas"]["Period"];
                assistanceReplyMaxDays: number;
                noticeAcknowledgement: components["schemas"]["Period"];
                reviewIntervalMonths: number;
                retentionYears: number;
                accessLogNamesStaff: boolean;
                completenessTarget: number;
                staleAfterDays: number;
                updatesPerYear: number;
                reviewWindowDays: number;
                /** @description By deadline kind: reminders `before` (days, in the deadline's unit) to `remind` (person, office), escalations `escalateAfter` (days; each one level further up) */
                reminders: {
                    originCertificateProcessing?: components["schemas"]["ReminderRule"];
                    registration?: components["schemas"]["ReminderRule"];
                    supplement?: components["schemas"]["ReminderRule"];
                    verification?: components["schemas"]["ReminderRule"];
                    review?: components["schemas"]["ReminderRule"];
                    assistanceReply?: components["schemas"]["ReminderRule"];
                    appealDecision?: components["schemas"]["ReminderRule"];
                    groupFiling?: components["schemas"]["ReminderRule"];
                    noticeAcknowledgement?: components["schemas"]["ReminderRule"];
                };
                quietHours: components["schemas"]["QuietHours"];
                calendar: components["schemas"]["ResolvedCalendar"];
            };
            /** @description For each setting, where it came from: `default` (built in), `national` or a code prefix; calendar lists every contributor */
            sources: {
                [key: string]: string | string[];
            };
        };
        Period: {
            count: number;
            /** @enum {string} */
            unit: "calendar_days" | "working_days" | "months";
        };
        ReminderRule: {
            before: number[];
            remind: ("person" | "office")[];
            escalateAfter: number[];
        };
        /** @description Local hours (Asia/Shanghai) in which no SMS goes to a person */
        QuietHours: {
            start: string;
            end: string;
        } | null;
        ResolvedCalendar: {
            holidays: components["schemas"]["LocalDate"][];
            workdays: components["schemas"]["LocalDate"][];
            /** @description Years whose national notice is loaded; other years count the statutory holidays computed from the law */
            noticeYears: number[];
        };
        PolicyOverrideDocument: {
            prefix: string;
            override: components["schemas"]["PolicyOverride"];
            /** Format: date-time */
            updatedAt?: string;
            updatedBy?: string;
        };
        /** @description Settings for a prefix; an absent setting comes from a shorter prefix */
        PolicyOverride: {
            originCertificateProcessing?: components["schemas"]["Period"];
            originCertificateValidityMonths?: number;
            registration?: components["schemas"]["Period"];
            supplement?: components["schemas"]["Period"];
            verification?: components["schemas"]["Period"];
            verificationCertificateValidityMonths?: number;
            minimumAge?: number | null;
            minimumStayDays?: number | null;
            assistanceReply?: components["schemas"]["Period"];
            appealWindowDays?: number;
            appealDecision?: components["schemas"]["Period"];
            groupFiling?: components["schemas"]["Period"];
            assistanceReplyMaxDays?: number;
            noticeAcknowledgement?: components["schemas"]["Period"];
            reviewIntervalMonths?: number;
            retentionYears?: number;
            accessLogNamesStaff?: boolean;
            completenessTarget?: number;
            staleAfterDays?: number;
            updatesPerYear?: number;
            reviewWindowDays?: number;
            /** @description By deadline kind: reminders `before` (days, in the deadline's unit) to `remind` (person, office), escalations `escalateAfter` (days; each one level further up) */
            reminders?: {
                originCertificateProcessing?: components["schemas"]["ReminderRule"];
                registration?: components["schemas"]["ReminderRule"];
                supplement?: components["schemas"]["ReminderRule"];
                verification?: components["schemas"]["ReminderRule"];
                review?: components["schemas"]["ReminderRule"];
                assistanceReply?: components["schemas"]["ReminderRule"];
                appealDecision?: components["schemas"]["ReminderRule"];
                groupFiling?: components["schemas"]["ReminderRule"];
                noticeAcknowledgement?: components["schemas"]["ReminderRule"];
            };
            quietHours?: components["schemas"]["QuietHours"];
            calendar?: components["schemas"]["HolidayCalendar"];
        };
        /** @description Local holidays and make-up working days, added to the national calendar */
        HolidayCalendar: {
            holidays: components["schemas"]["LocalDate"][];
            workdays: components["schemas"]["LocalDate"][];
        };
        CalendarYear: {
            year: number;
            /**
             * @description `notice`: the State Council notice for the year is loaded; `statutory`: computed from the law (its make-up working days are not known yet)
             * @enum {string}
             */
            source: "notice" | "statutory";
            notice?: {
                title: string;
                documentNumber: string;
                issued: components["schemas"]["LocalDate"];
                url?: string;
                builtIn: boolean;
                /** Format: date-time */
                loadedAt?: string;
                loadedBy?: string;
            };
            holidays: components["schemas"]["LocalDate"][];
            workdays: components["schemas"]["LocalDate"][];
            /** @description The statutory days off of the year, by festival */
            statutory: {
                date: components["schemas"]["LocalDate"];
                /** @enum {string} */
                festival: "new_year" | "spring_festival" | "qingming" | "labour_day" | "dragon_boat" | "mid_autumn" | "national_day";
            }[];
            /** @description On PUT: open provisional deadlines queued to be counted again with the notice */
            moved?: number;
        };
        /** @description A year's State Council notice on its holiday arrangements */
        CalendarNoticeRequest: {
            /** @example 国务院办公厅关于2027年部分节假日安排的通知 */
            title: string;
            /** @example 国办发明电〔2026〕9号 */
            documentNumber: string;
            /**
             * @description The date the notice was issued
             * @example 2026-11-20
             */
            issued: string;
            /** Format: uri */
            url?: string;
            /** @description Every day off in the holiday periods, weekends inside them included */
            holidays: components["schemas"]["LocalDate"][];
            /** @description The weekend days worked instead (调休) */
            workdays: components["schemas"]["LocalDate"][];
        };
        SubscriptionWithSecret: {
            id: string;
            agency: string;
            createdBy: string;
            url: string;
            eventTypes: string[];
            jurisdiction: string;
            purpose: string;
            description?: string;
            contactEmail?: string;
            /** @enum {string} */
            state: "active" | "paused" | "disabled";
            disabled?: {
                at: string;
                reason: string;
            };
            failingSince?: string;
            /** @description Deliveries that gave up after their last attempt; the owner is told of each */
            exhaustedCount?: number;
            lastExhausted?: {
                at: string;
                deliveryId: string;
            };
            /** @description When each signing secret was made and, after a rotation, when the old one stops signing; never the secret */
            secrets: {
                createdAt: string;
                expiresAt?: string;
            }[];
            createdAt: string;
            updatedAt: string;
            /** @description The signing secret (whsec_…), shown this once */
            secret: string;
        };
        SubscriptionCreate: {
            /** @description The endpoint: https in AWS; the local stack also takes http://127.0.0.1 */
            url: string;
            /** @description Catalogue types (with or without the `cn.liudong.` namespace), `cn.liudong.registration.*`, or `*` */
            eventTypes: string[];
            /**
             * @description Events whose origin or destination lies inside this prefix; inside the agency's own
             * @example 110105001
             */
            jurisdiction: string;
            /**
             * @description Why the agency receives events; decides which personal fields it sees
             * @enum {string}
             */
            purpose: "law_enforcement" | "social_security" | "housing" | "health" | "statistics";
            description?: string;
            /**
             * Format: email
             * @description Told when a delivery is exhausted or the endpoint disabled
             */
            contactEmail?: string;
        };
        SubscriptionPage: {
            items: components["schemas"]["Subscription"][];
            cursor?: string;
        };
        Subscription: {
            id: string;
            agency: string;
            createdBy: string;
            url: string;
            eventTypes: string[];
            jurisdiction: string;
            purpose: string;
            description?: string;
            contactEmail?: string;
            /** @enum {string} */
            state: "active" | "paused" | "disabled";
            disabled?: {
                at: string;
                reason: string;
            };
            failingSince?: string;
            /** @description Deliveries that gave up after their last attempt; the owner is told of each */
            exhaustedCount?: number;
            lastExhausted?: {
                at: string;
                deliveryId: string;
            };
            /** @description When each signing secret was made and, after a rotation, when the old one stops signing; never the secret */
            secrets: {
                createdAt: string;
                expiresAt?: string;
            }[];
            createdAt: string;
            updatedAt: string;
        };
        DeliveryPage: {
            items: components["schemas"]["Delivery"][];
            cursor?: string;
        };
        Delivery: {
            /** @description The event's id, which is also the webhook-id header */
            id: string;
            subscriptionId: string;
            eventType: string;
            eventTime: string;
            caseId: string;
            /** @enum {string} */
            state: "held" | "waiting" | "pending" | "delivered" | "exhausted" | "cancelled";
            attempts: components["schemas"]["DeliveryAttempt"][];
            nextAttemptAt?: string;
            createdAt: string;
        };
        DeliveryAttempt: {
            at: string;
            attempt: number;
            /** @description The endpoint's HTTP status; absent when none came back */
            status?: number;
            latencyMs: number;
            /** @description Why it failed: a status, a timeout, a refused address */
            error?: string;
        };
        Replayed: {
            replayed: number;
            /** @description Set when the range held more than 10,000: replay again from here */
            continueFrom?: string;
        };
        ReplayRange: {
            /**
             * Format: date-time
             * @description Events that happened at or after this instant
             */
            from: string;
            /**
             * Format: date-time
             * @description and before this one
             */
            to: string;
            /**
             * @description Only deliveries that gave up (the usual recovery after an outage)
             * @default false
             */
            onlyExhausted: boolean;
        };
        PeerList: {
            items: components["schemas"]["Peer"][];
        };
        Peer: {
            id: string;
            name: string;
            baseUrl: string;
            prefixes: string[];
            state: string;
            failingSince?: string;
            createdAt: string;
        };
        PeerWithSecret: {
            id: string;
            name: string;
            baseUrl: string;
            prefixes: string[];
            state: string;
            failingSince?: string;
            createdAt: string;
            /** @description The shared key, when this side made it: shown this once */
            secret?: string;
        };
        PeerCreate: {
            /** @description What this deployment calls the peer (sichuan); its id is peer_<name> */
            name: string;
            /** @description The peer's API, e.g. https://liudong.sc.gov.example (events go to its /v1/federation/events) */
            baseUrl: string;
            /** @description The jurisdiction prefixes the peer serves */
            prefixes: components["schemas"]["JurisdictionCode"][];
            /** @description The shared signing key. Leave out on the first side (one is made and shown once); give it on the second */
            secret?: string;
        };
        RateDefinitionList: {
            items: components["schemas"]["RateDefinition"][];
            /** @description The target a rate meets when policy names none (0.95) */
            defaultTarget: number;
            /** @description How periods are named */
            periodKeys: string;
            /** @description Every counter kept per jurisdiction and day, and the date that places a case in it */
            measures: components["schemas"]["MeasureDefinition"][];
        };
        RateDefinition: {
            id: string;
            name: string;
            nameZh: string;
            denominator: string;
            numerator: string;
            placedBy: string;
            onTime: string;
            /** @description The counters (measures) the rate is read from */
            counts: {
                numerator: string;
                denominator: string;
            };
        };
        MeasureDefinition: {
            id: string;
            caseType: string;
            counts: string;
            placedBy: string;
        };
        StatisticsResult: {
            jurisdiction: string;
            /** @enum {string} */
            period: "dekad" | "month" | "quarter";
            /** Format: date-time */
            asOf: string;
            target: number;
            items: components["schemas"]["PeriodFigures"][];
        };
        PeriodFigures: {
            period: string;
            /** @enum {string} */
            kind: "dekad" | "month" | "quarter";
            from: components["schemas"]["LocalDate"];
            to: components["schemas"]["LocalDate"];
            /** @description Still running: its figures may change */
            provisional: boolean;
            rates: components["schemas"]["RateFigure"][];
            /** @description Every counter summed over the period */
            counts: {
                [key: string]: number;
            };
        };
        RateFigure: {
            id: string;
            numerator: number;
            denominator: number;
            /** @description numerator ÷ denominator; null when nothing was due */
            rate: number | null;
            target: number;
            meets: boolean | null;
        };
        StatisticsCasePage: {
            rate: string;
            period: string;
            part: string;
            items: {
                caseId?: string;
                caseType: string;
                jurisdiction: string;
                placedOn: components["schemas"]["LocalDate"];
                inNumerator: boolean;
                noticeEventId?: string;
                /** @description The case as an office list shows it (numbers masked) */
                case?: {
                    [key: string]: unknown;
                };
            }[];
            cursor?: string;
        };
        QualityResult: {
            jurisdiction: string;
            asOf: components["schemas"]["LocalDate"];
            staleAfterDays: number;
            /** @description More cases than one answer reads: ask per office */
            truncated: boolean;
            missingFields: {
                [key: string]: unknown;
            }[];
            stale: {
                [key: string]: unknown;
            }[];
            deadlinesWithoutOutcome: {
                [key: string]: unknown;
            }[];
            /** @description Days in the last year on which the office changed its cases, against policy updatesPerYear */
            updates: {
                [key: string]: unknown;
            };
        };
        ReportPage: {
            items: components["schemas"]["Report"][];
            cursor?: string;
        };
        Report: {
            id: string;
            jurisdiction: string;
            jurisdictionName?: string;
            period: string;
            version: number;
            /** Format: date-time */
            publishedAt: string;
            publishedBy: string;
            provisional: boolean;
            /** @description A correction: the version it replaces */
            corrects?: number;
            changes?: {
                rate: string;
                part: string;
                was: number;
                now: number;
            }[];
            rates: components["schemas"]["RateFigure"][];
            links: {
                json: string;
                csv: string;
            };
        };
        EventCatalogue: {
            items: components["schemas"]["EventType"][];
        };
        EventType: {
            type: string;
            version: number;
            /** @enum {string} */
            caseType: "registration" | "origin_certificate" | "review" | "assistance_request" | "appeal" | "group";
            description: string;
            notifies: string[];
            personal: string[];
            /** @description JSON Schema of the event data */
            schema: {
                [key: string]: unknown;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
