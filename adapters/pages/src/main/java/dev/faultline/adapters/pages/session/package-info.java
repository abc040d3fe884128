/**
 * Browser-session plumbing for the HTML pages: the session and sign-in CSRF cookies (names, attributes, the
 * {@code __Host-} prefix behind https) and the double-submit check of the sign-in form. The session itself
 * lives on the server (see {@code ResolveBrowserSession}); the cookie carries only its secret.
 */
package dev.faultline.adapters.pages.session;
