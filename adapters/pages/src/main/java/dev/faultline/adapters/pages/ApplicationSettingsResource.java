package dev.faultline.adapters.pages;

import dev.faultline.application.access.port.in.ResolveBrowserSession;
import dev.faultline.application.intake.port.in.CreateIngestKey;
import dev.faultline.application.intake.port.in.DeleteIngestKey;
import dev.faultline.application.intake.port.in.GetIngestSetup;
import dev.faultline.application.intake.port.in.SetIngestKeyEnabled;
import dev.faultline.domain.intake.IngestKey;
import dev.faultline.domain.intake.IngestKeyId;
import dev.faultline.domain.shared.InvalidValue;
import dev.faultline.domain.tracker.Actor;
import dev.faultline.domain.tracker.ApplicationReference;
import dev.faultline.domain.tracker.ApplicationSlug;
import dev.faultline.domain.tracker.Permission;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * {@code /applications/{application}/settings}: how an application's SDKs report to Faultline, for its members,
 * and its ingest keys, managed by its owners. The application is named by slug or id; one the person is not a
 * member of is "not found" like one that does not exist. A form error shows the page again (400) with every
 * field's problem and nothing created; a member who is not an owner is told so (403); a change goes back to the
 * page with a one-time notice (post/redirect/get).
 */
@Path("/applications/{application}/settings")
@PageResponse
public class ApplicationSettingsResource {
    static final String NOT_AN_OWNER = "Only the application's owners manage its keys, so nothing was changed. Ask"
            + " an owner to do it.";

    private final SettingsForms forms;
    private final GetIngestSetup getSetup;
    private final CreateIngestKey createKey;
    private final SetIngestKeyEnabled setEnabled;
    private final DeleteIngestKey deleteKey;
    private final String issuer;

    public ApplicationSettingsResource(SettingsForms forms, GetIngestSetup getSetup, CreateIngestKey createKey,
            SetIngestKeyEnabled setEnabled, DeleteIngestKey deleteKey, String issuer) {
        this.forms = Objects.requireNonNull(forms);
        this.getSetup = Objects.requireNonNull(getSetup);
        this.createKey = Objects.requireNonNull(createKey);
        this.setEnabled = Objects.requireNonNull(setEnabled);
        this.deleteKey = Objects.requireNonNull(deleteKey);
        this.issuer = Objects.requireNonNull(issuer);
    }

    /** The page of an application, e.g. {@code /applications/shop/settings}. */
    static String path(ApplicationSlug slug) {
        return "/applications/" + slug.value() + "/settings";
    }

    @GET
    public Response show(@PathParam("application") String application, @Context HttpHeaders headers) {
        Optional<ResolveBrowserSession.Outcome.SignedIn> signedIn = forms.signedIn(headers);
        if (signedIn.isEmpty()) {
            return signInFirst(application);
        }
        Optional<Notice> notice = forms.cookies().notice(headers.getCookies()).flatMap(Notice::fromParameter);
        Response.ResponseBuilder shown = render(200, signedIn.get(), application, notice.orElse(null), null,
                ApplicationSettingsView.KeyForm.blank());
        if (forms.cookies().notice(headers.getCookies()).isPresent()) {
            shown.header(HttpHeaders.SET_COOKIE, forms.cookies().clearNotice());
        }
        return shown.build();
    }

    @POST
    @Path("keys")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("application") String application, MultivaluedMap<String, String> form,
            @Context HttpHeaders headers) {
        return change(application, form, headers, (signedIn, reference) -> {
            String label = SettingsForms.single(form, "label");
            String rateLimit = Optional.ofNullable(SettingsForms.single(form, "rate_limit")).orElse("").strip();
            ApplicationSettingsView.KeyForm shown = checked(label, rateLimit);
            if (shown.isHasErrors()) {
                return render(400, signedIn, reference.value(), null, null, shown).build();
            }
            CreateIngestKey.Command command = new CreateIngestKey.Command(actor(signedIn), reference,
                    label, rateLimit.isEmpty() ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(rateLimit)));
            return createKey.createIngestKey(command).fold(
                    refused -> {
                        throw notPermitted(refused.required());
                    },
                    created -> backWith(reference, Notice.KEY_CREATED),
                    missing -> notFound(),
                    notOwner -> render(403, signedIn, reference.value(), null, NOT_AN_OWNER, shown).build(),
                    tooMany -> render(400, signedIn, reference.value(), null, "This application has " + tooMany.max()
                            + " keys, the most allowed. Delete a key you no longer use first.", shown).build());
        });
    }

    @POST
    @Path("keys/{action: disable|enable}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setEnabled(@PathParam("application") String application, @PathParam("action") String action,
            MultivaluedMap<String, String> form, @Context HttpHeaders headers) {
        return change(application, form, headers, (signedIn, reference) -> {
            Optional<IngestKeyId> keyId = keyId(SettingsForms.single(form, "key_id"));
            if (keyId.isEmpty()) {
                return backWith(reference, Notice.KEY_NOT_FOUND);
            }
            boolean enable = action.equals("enable");
            return setEnabled.setIngestKeyEnabled(new SetIngestKeyEnabled.Command(actor(signedIn),
                    reference, keyId.get(), enable)).fold(
                            refused -> {
                                throw notPermitted(refused.required());
                            },
                            changed -> backWith(reference, enable ? Notice.KEY_ENABLED : Notice.KEY_DISABLED),
                            missing -> notFound(),
                            notOwner -> render(403, signedIn, reference.value(), null, NOT_AN_OWNER,
                                    ApplicationSettingsView.KeyForm.blank()).build(),
                            noKey -> backWith(reference, Notice.KEY_NOT_FOUND));
        });
    }

    @POST
    @Path("keys/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@PathParam("application") String application, MultivaluedMap<String, String> form,
            @Context HttpHeaders headers) {
        return change(application, form, headers, (signedIn, reference) -> {
            Optional<IngestKeyId> keyId = keyId(SettingsForms.single(form, "key_id"));
            if (keyId.isEmpty()) {
                return backWith(reference, Notice.KEY_NOT_FOUND);
            }
            return deleteKey.deleteIngestKey(new DeleteIngestKey.Command(actor(signedIn), reference,
                    keyId.get())).fold(
                            refused -> {
                                throw notPermitted(refused.required());
                            },
                            deleted -> backWith(reference, Notice.KEY_DELETED),
                            missing -> notFound(),
                            notOwner -> render(403, signedIn, reference.value(), null, NOT_AN_OWNER,
                                    ApplicationSettingsView.KeyForm.blank()).build(),
                            noKey -> backWith(reference, Notice.KEY_NOT_FOUND));
        });
    }

    /** A change to the keys of the application a form names, on behalf of the signed-in person. */
    private interface KeyChange {
        Response apply(ResolveBrowserSession.Outcome.SignedIn signedIn, ApplicationReference application);
    }

    /** Signed in, the right CSRF token, an application reference that can name one, then the change. */
    private Response change(String application, MultivaluedMap<String, String> form, HttpHeaders headers,
            KeyChange change) {
        Optional<ResolveBrowserSession.Outcome.SignedIn> signedIn = forms.signedIn(headers);
        if (signedIn.isEmpty()) {
            return signInFirst(application);
        }
        String csrf = SettingsForms.single(form, "csrf");
        if (csrf == null || !signedIn.get().csrf().matches(csrf)) {
            return Pages.forbidden();
        }
        Optional<ApplicationReference> reference = parsed(application);
        if (reference.isEmpty()) {
            return notFound();
        }
        return change.apply(signedIn.get(), reference.get());
    }

    /** Every field checked, so the person sees every problem at once. */
    private static ApplicationSettingsView.KeyForm checked(String label, String rateLimit) {
        String labelError = null;
        String rateLimitError = null;
        try {
            IngestKey.label(label);
        } catch (InvalidValue e) {
            labelError = sentence(e.getMessage());
        }
        if (!rateLimit.isEmpty()) {
            try {
                IngestKey.eventsPerMinute(OptionalInt.of(Integer.parseInt(rateLimit)));
            } catch (NumberFormatException e) {
                rateLimitError = "The rate limit is a whole number of events per minute (1 to "
                        + IngestKey.MAX_EVENTS_PER_MINUTE + "), or empty for none.";
            } catch (InvalidValue e) {
                rateLimitError = sentence(e.getMessage());
            }
        }
        return new ApplicationSettingsView.KeyForm(label == null ? "" : label, rateLimit, labelError,
                rateLimitError);
    }

    private static String sentence(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }

    private Response.ResponseBuilder render(int status, ResolveBrowserSession.Outcome.SignedIn signedIn,
            String application, Notice notice, String problem, ApplicationSettingsView.KeyForm form) {
        Optional<GetIngestSetup.IngestSetup> setup = Optional.empty();
        Optional<ApplicationReference> reference = parsed(application);
        if (reference.isPresent()) {
            setup = getSetup.getIngestSetup(new GetIngestSetup.Command(actor(signedIn), reference.get())).fold(
                    refused -> {
                        throw notPermitted(refused.required());
                    },
                    found -> Optional.of(found.setup()),
                    missing -> Optional.empty());
        }
        if (setup.isEmpty()) {
            return Pages.html(404, notFoundView());
        }
        return Pages.html(status, new ApplicationSettingsView(Navigation.of(signedIn), setup.get(), notice, problem,
                form));
    }

    private static Response notFound() {
        return Pages.html(404, notFoundView()).build();
    }

    private static ErrorView notFoundView() {
        return new ErrorView("Application not found", "There is no such application among yours.",
                "Choose one of your applications on the Issues page.");
    }

    private Response backWith(ApplicationReference application, Notice notice) {
        return Response.seeOther(URI.create(issuer + "/applications/" + application.value() + "/settings"))
                .header(HttpHeaders.SET_COOKIE, forms.cookies().noticeCookie(notice.parameter()))
                .build();
    }

    private Response signInFirst(String application) {
        return Response.seeOther(URI.create(issuer + "/login?return_to=" + RedirectUris.encode(
                "/applications/" + application + "/settings"))).build();
    }

    private static Optional<ApplicationReference> parsed(String application) {
        try {
            return Optional.of(ApplicationReference.parse(application));
        } catch (InvalidValue e) {
            return Optional.empty();
        }
    }

    private static Optional<IngestKeyId> keyId(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(new IngestKeyId(UUID.fromString(value.strip())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Actor actor(ResolveBrowserSession.Outcome.SignedIn signedIn) {
        return Actor.person(signedIn.user());
    }

    /** A signed-in person holds every permission, so a refusal here is a bug (500), never a page to show. */
    private static IllegalStateException notPermitted(Permission required) {
        return new IllegalStateException("a signed-in person was refused " + required);
    }
}
