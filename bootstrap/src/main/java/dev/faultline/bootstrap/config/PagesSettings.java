package dev.faultline.bootstrap.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.DataSizeUnit;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MinDataSize;
import jakarta.validation.constraints.NotNull;

/** Limits of the browser pages (sign-in, consent, My Integrations). */
public class PagesSettings {
    /** The largest form body a page reads; larger ones get 413 before anything is parsed. */
    @NotNull
    @MinDataSize(value = 1, unit = DataSizeUnit.KIBIBYTES)
    @MaxDataSize(value = 1, unit = DataSizeUnit.MEBIBYTES)
    private DataSize maxFormSize = DataSize.kibibytes(64);

    @JsonProperty
    public DataSize getMaxFormSize() {
        return maxFormSize;
    }

    @JsonProperty
    public void setMaxFormSize(DataSize value) {
        this.maxFormSize = value;
    }
}
