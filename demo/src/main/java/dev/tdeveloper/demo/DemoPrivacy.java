package dev.tdeveloper.demo;

import dev.tdeveloper.compliance.privacy.ConsentLedger;
import dev.tdeveloper.compliance.privacy.FileConsentLedger;
import dev.tdeveloper.compliance.privacy.FilePseudonymVault;
import dev.tdeveloper.compliance.privacy.LawfulBasis;
import dev.tdeveloper.compliance.privacy.PrivacyEvent;
import dev.tdeveloper.compliance.privacy.PrivacyHook;
import dev.tdeveloper.compliance.privacy.PrivacyOutcome;
import dev.tdeveloper.compliance.privacy.PrivacyRequest;
import dev.tdeveloper.compliance.privacy.PrivacyRequestProcessor;
import dev.tdeveloper.compliance.privacy.ProcessingActivity;
import dev.tdeveloper.compliance.privacy.PseudonymVault;
import dev.tdeveloper.compliance.privacy.RecordOfProcessing;
import dev.tdeveloper.demo.notes.Notes;
import dev.tdeveloper.tenancy.Tenant;
import dev.tdeveloper.tenancy.TenantStatus;
import dev.tdeveloper.tenancy.event.EventListener;
import dev.tdeveloper.tenancy.spi.TenantRegistry;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's GDPR side: the durable pseudonym vault under {@code <data>/privacy/pseudonyms} (also
 * the audit log's pseudonymizer, {@link #pseudonyms()}), the durable consent ledger under {@code
 * <data>/privacy/consent}, the privacy request processor over the notes ({@link
 * NotesPersonalDataConnector}) with a pre hook refusing any tenant that is not ACTIVE, the Art. 30
 * record of the demo's processing activities, and the outcomes of the last {@value #KEPT_REQUESTS}
 * requests, in memory and without their access bundles. Thread-safe.
 */
final class DemoPrivacy implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DemoPrivacy.class);

  /** How many past requests {@link #find} remembers: {@value}. */
  static final int KEPT_REQUESTS = 1000;

  private static final String CONTROLLER = "T-Developer demo operator, privacy@demo.invalid";

  private final FilePseudonymVault vault;
  private final FileConsentLedger consent;
  private final NotesPersonalDataConnector connector;
  private final PrivacyRequestProcessor processor;
  private final RecordOfProcessing record;
  private final Map<String, PrivacyOutcome> past =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PrivacyOutcome> eldest) {
          return size() > KEPT_REQUESTS;
        }
      };

  /**
   * Opens the consent ledger under {@code dataDir/privacy} and wires the processor.
   *
   * @param listener receives every request's {@link PrivacyEvent} (pseudonyms only, never a raw
   *     identifier); the audit log turns them into audit events
   */
  DemoPrivacy(
      Path dataDir,
      InstantSource clock,
      TenantRegistry registry,
      Notes notes,
      FilePseudonymVault vault,
      EventListener<PrivacyEvent> listener) {
    Objects.requireNonNull(registry, "registry");
    this.vault = Objects.requireNonNull(vault, "vault");
    this.consent =
        FileConsentLedger.open(dataDir.resolve("privacy").resolve("consent"), vault, clock);
    this.connector = new NotesPersonalDataConnector(notes);
    this.processor =
        PrivacyRequestProcessor.builder()
            .connector(connector)
            .vault(vault)
            .clock(clock)
            .hook(
                PrivacyHook.pre(
                    "tenant-active",
                    request -> {
                      TenantStatus status =
                          registry
                              .find(request.subject().tenant())
                              .map(Tenant::status)
                              .orElse(TenantStatus.DELETED);
                      if (status != TenantStatus.ACTIVE) {
                        throw new IllegalStateException(
                            "tenant "
                                + request.subject().tenant().value()
                                + " is "
                                + status
                                + "; privacy requests run for ACTIVE tenants only");
                      }
                    }))
            .listener(Objects.requireNonNull(listener, "listener"))
            .build();
    this.record = new RecordOfProcessing(CONTROLLER, clock);
    activities().forEach(record::add);
  }

  /**
   * Opens the pseudonym vault under {@code dataDir/privacy/pseudonyms}; the services open it first,
   * since the audit log pseudonymizes with it too, and close it last.
   */
  static FilePseudonymVault openVault(Path dataDir) {
    return FilePseudonymVault.open(dataDir.resolve("privacy").resolve("pseudonyms"));
  }

  /** Returns the pseudonym vault, for the audit log's {@code Pseudonymizer}. */
  PseudonymVault pseudonyms() {
    return vault;
  }

  /** Returns the consent ledger. */
  ConsentLedger consent() {
    return consent;
  }

  /** Returns the Art. 30 record of processing activities. */
  RecordOfProcessing processingActivities() {
    return record;
  }

  /** Runs {@code request} and remembers its outcome (without the bundle) for {@link #find}. */
  PrivacyOutcome process(PrivacyRequest request) {
    PrivacyOutcome outcome = processor.process(request);
    synchronized (past) {
      past.put(
          outcome.request().id(),
          new PrivacyOutcome(
              outcome.request(), outcome.results(), Optional.empty(), outcome.event()));
    }
    return outcome;
  }

  /** Returns the outcome of a past request, without its bundle, if still remembered. */
  Optional<PrivacyOutcome> find(String id) {
    synchronized (past) {
      return Optional.ofNullable(past.get(id));
    }
  }

  /** The demo's processing of personal data, honestly: notes, audit logging, abuse protection. */
  private static List<ProcessingActivity> activities() {
    return List.of(
        new ProcessingActivity(
            "notes-storage",
            CONTROLLER,
            List.of("store and serve the notes a tenant's users write"),
            LawfulBasis.CONTRACT,
            List.of("note text", "author user id"),
            List.of("users of customer tenants"),
            List.of("the tenant's own users"),
            List.of(),
            "until deleted by the user, erased on request, or the tenant is offboarded",
            List.of(
                "AES-256-GCM envelope encryption per tenant key",
                "per-tenant isolation",
                "crypto-shredding at offboarding")),
        new ProcessingActivity(
            "audit-logging",
            CONTROLLER,
            List.of("tamper-evident record of security-relevant and privacy events"),
            LawfulBasis.LEGAL_OBLIGATION,
            List.of("pseudonymized user ids", "request metadata"),
            List.of("users of customer tenants", "operators"),
            List.of("the platform operator", "auditors"),
            List.of(),
            "per the audit retention policy",
            List.of("hash chain and Merkle tree", "pseudonyms instead of raw identifiers")),
        new ProcessingActivity(
            "abuse-protection",
            CONTROLLER,
            List.of("rate limiting and blocking abusive clients"),
            LawfulBasis.LEGITIMATE_INTERESTS,
            List.of("client IP addresses", "request counts"),
            List.of("any client of the service"),
            List.of(),
            List.of(),
            "in memory only, for the length of a rate window or ban",
            List.of("kept in memory only", "masked in logs")));
  }

  /** Closes the ledger (the services close the vault); logs, never throws. */
  @Override
  public void close() {
    for (AutoCloseable c : List.<AutoCloseable>of(consent)) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.warn("closing {} failed", c, e);
      }
    }
  }
}
