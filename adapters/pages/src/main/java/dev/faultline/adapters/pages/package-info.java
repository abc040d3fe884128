/**
 * The pages people see: sign-in and sign-out ({@link dev.faultline.adapters.pages.LoginResource}), the
 * authorization endpoint with its consent page ({@link dev.faultline.adapters.pages.AuthorizeResource}), My
 * Integrations ({@link dev.faultline.adapters.pages.IntegrationsResource} and its personal-token forms,
 * {@link dev.faultline.adapters.pages.PersonalTokensResource}), the read-only issues view
 * ({@link dev.faultline.adapters.pages.IssuesResource}), the stylesheet and script, and the security headers
 * every page carries. Mustache templates live beside these classes under {@code src/main/resources}; Mustache
 * escapes every value, and {@link dev.faultline.adapters.pages.DisplayText} makes invisible characters in
 * other people's text visible. Resources only translate between HTTP and the use cases; every rule lives in the
 * application and domain.
 */
package dev.faultline.adapters.pages;
