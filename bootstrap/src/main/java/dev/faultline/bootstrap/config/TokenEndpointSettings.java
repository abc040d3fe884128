package dev.faultline.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.DataSizeUnit;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MinDataSize;
import jakarta.validation.constraints.NotNull;

/** Limits of the token and revocation endpoints. */
public class TokenEndpointSettings {
    /** The largest form body either endpoint reads; a larger one gets 413 {@code invalid_request}, unread. */
    @NotNull
    @MinDataSize(value = 1, unit = DataSizeUnit.KIBIBYTES)
    @MaxDataSize(value = 1, unit = DataSizeUnit.MEBIBYTES)
    private DataSize maxFormSize = DataSize.kibibytes(16);

    @JsonProperty
    public DataSize getMaxFormSize() {
        return maxFormSize;
    }

    @JsonProperty
    public void setMaxFormSize(DataSize value) {
        this.maxFormSize = value;
    }
}
