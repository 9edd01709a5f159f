/**
 * What every client of a Ponte service needs: {@link io.ponte.cli.http.ServiceClient} (HTTP with deadlines, an
 * optional bearer token, JSON by Jackson, server-sent events), {@link io.ponte.cli.http.ServiceException} (error
 * answers and failed connections as messages for people) and {@link io.ponte.cli.http.Service} (how a service is
 * named and found). No picocli here.
 */
package io.ponte.cli.http;
