/**
 * What every surface answers while the database cannot be reached: 503 with {@code Retry-After}, in the form each
 * surface gives through its own {@link dev.faultline.adapters.http.outage.OutageAnswer}.
 */
package dev.faultline.adapters.http.outage;
