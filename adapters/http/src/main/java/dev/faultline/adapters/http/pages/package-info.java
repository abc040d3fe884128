/**
 * The pages people see: sign-in and sign-out ({@link dev.faultline.adapters.http.pages.LoginResource}), the
 * authorization endpoint with its consent page ({@link dev.faultline.adapters.http.pages.AuthorizeResource}),
 * the stylesheet, and the security headers every page carries. Mustache templates live beside these classes
 * under {@code src/main/resources}; Mustache escapes every value, so names chosen by clients are shown as text.
 * Resources only translate between HTTP and the use cases; every rule lives in the application and domain.
 */
package dev.faultline.adapters.http.pages;
