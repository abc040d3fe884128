/**
 * What every surface answers while the database cannot be reached: 503 with {@code Retry-After}, in each surface's
 * own form. It knows every surface, so no surface depends on it.
 */
package dev.faultline.adapters.http.outage;
