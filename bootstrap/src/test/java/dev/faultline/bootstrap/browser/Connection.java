package dev.faultline.bootstrap.browser;

/** An approved OAuth client and the tokens it holds for the signed-in person. */
public record Connection(String clientId, OAuthTestClient.Tokens tokens) {
}
