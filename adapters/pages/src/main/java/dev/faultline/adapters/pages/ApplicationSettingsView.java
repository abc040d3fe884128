package dev.faultline.adapters.pages;

import dev.faultline.application.intake.port.in.GetIngestSetup;
import dev.faultline.domain.intake.IngestKey;
import java.util.List;

/**
 * An application's settings: how its SDKs report to Faultline (ingest id, endpoints, every key with its DSN, the
 * setup lines for its platform) and, for its owners, the forms that create, disable, enable and delete keys. Keys
 * are public by design, so they are shown in full to every member.
 */
public final class ApplicationSettingsView extends PageView {
    private final GetIngestSetup.IngestSetup setup;
    private final String notice;
    private final String problem;
    private final KeyForm form;

    ApplicationSettingsView(Navigation navigation, GetIngestSetup.IngestSetup setup, Notice notice, String problem,
            KeyForm form) {
        super("application-settings.mustache", setup.application().name() + " settings", navigation);
        this.setup = setup;
        this.notice = notice == null ? null : notice.message();
        this.problem = problem;
        this.form = form;
    }

    /** What the create form shows: the values sent and a message per refused field. */
    record KeyForm(String label, String rateLimit, String labelError, String rateLimitError) {
        static KeyForm blank() {
            return new KeyForm("", "", null, null);
        }

        public boolean isHasErrors() {
            return labelError != null || rateLimitError != null;
        }

        public String getLabel() {
            return label;
        }

        public String getRateLimit() {
            return rateLimit;
        }

        public String getLabelError() {
            return labelError;
        }

        public String getRateLimitError() {
            return rateLimitError;
        }
    }

    /** One key as a row. */
    public record KeyRow(String id, String label, boolean enabled, String limit, String created, String lastUsed,
            String dsn) {
        static KeyRow of(GetIngestSetup.KeyDsn entry) {
            IngestKey key = entry.key();
            return new KeyRow(key.id().toString(), DisplayText.of(key.label()), key.enabled(),
                    key.eventsPerMinute().isPresent() ? key.eventsPerMinute().getAsInt() + " events/min" : "None",
                    Dates.shown(key.createdAt()), Dates.shown(key.lastUsedAt(), "Never"), entry.dsn().toString());
        }
    }

    @Override
    public boolean isWide() {
        return true;
    }

    public String getName() {
        return DisplayText.of(setup.application().name());
    }

    public String getSlug() {
        return setup.application().slug().value();
    }

    public String getPlatform() {
        return setup.application().platform().value();
    }

    public String getAction() {
        return ApplicationSettingsResource.path(setup.application().slug());
    }

    public String getIngestId() {
        return setup.ingestId().toString();
    }

    public String getEnvelopeUrl() {
        return setup.envelopeUrl();
    }

    public String getStoreUrl() {
        return setup.storeUrl();
    }

    public List<KeyRow> getKeys() {
        return setup.keys().stream().map(KeyRow::of).toList();
    }

    public boolean isHasKeys() {
        return !setup.keys().isEmpty();
    }

    public boolean isMayManage() {
        return setup.mayManageKeys();
    }

    public String getSnippetInstall() {
        return setup.snippet().map(s -> s.install()).orElse(null);
    }

    public String getSnippetCode() {
        return setup.snippet().map(s -> s.code()).orElse(null);
    }

    public String getCsrf() {
        return getNavigation().csrf();
    }

    public String getNotice() {
        return notice;
    }

    public String getProblem() {
        return problem;
    }

    public KeyForm getForm() {
        return setup.mayManageKeys() ? form : null;
    }
}
