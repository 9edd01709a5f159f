package io.ponte.registry.api;

import jakarta.ws.rs.QueryParam;

/** The query parameters every list endpoint takes. */
public class ListParams {

    @QueryParam("filterQuery")
    String filterQuery;

    @QueryParam("pageSize")
    String pageSize;

    @QueryParam("orderBy")
    String orderBy;

    @QueryParam("sortOrder")
    String sortOrder;

    @QueryParam("nextPageToken")
    String nextPageToken;

    @QueryParam("name")
    String name;

    @QueryParam("externalId")
    String externalId;
}
