package dev.faultline.domain.access;

/**
 * The kinds of opaque secrets Faultline hands out, each with a recognisable prefix so that a leaked one is
 * easy to identify (and, for personal tokens, to verify by checksum without a database).
 */
public enum SecretKind {
    AUTHORIZATION_CODE("flt_ac_"),
    REFRESH_TOKEN("flt_rt_"),
    CLIENT_SECRET("flt_cs_"),
    PERSONAL_TOKEN("flt_pat_"),
    BROWSER_SESSION("flt_ses_");

    private final String prefix;

    SecretKind(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    public boolean hasPrefix(String secret) {
        return secret != null && secret.startsWith(prefix);
    }
}
