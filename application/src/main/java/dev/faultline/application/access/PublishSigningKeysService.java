package dev.faultline.application.access;

import dev.faultline.application.access.port.in.PublishSigningKeys;
import dev.faultline.application.access.port.out.AccessTokenCodec;
import java.util.Map;
import java.util.Objects;

public class PublishSigningKeysService implements PublishSigningKeys {
    private final AccessTokenCodec codec;

    public PublishSigningKeysService(AccessTokenCodec codec) {
        this.codec = Objects.requireNonNull(codec);
    }

    @Override
    public Map<String, Object> jwks() {
        return codec.publicJwks();
    }
}
