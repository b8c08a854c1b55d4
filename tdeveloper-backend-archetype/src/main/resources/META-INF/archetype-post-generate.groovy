// Checks the chosen cores, then removes the classes, tests and provider registrations of the cores
// that were not chosen (and the resources folder, should nothing be left to register). Batch mode
// (-B, and the archetype's tests) skips the metadata's validationRegex, so the check here is the one
// every run gets.
import java.nio.file.Files
import java.nio.file.Path

def root = Path.of(request.outputDirectory, request.artifactId)
def packagePath = request.properties.get('package').replace('.', '/')
def cloud = request.properties.get('cloud')
def spis = [
    tenancy      : ['TenantRegistry', 'QuotaStore', 'UsageStore', 'ProvisioningJournal', 'TenantDataStore',
                    'JobLease'],
    security     : ['RateLimiterStore', 'KeyManager', 'SecretStore', 'CertificateIssuer'],
    compliance   : ['AuditSink', 'CheckpointAnchor'],
    dr           : ['BackupStore', 'ChunkCipher', 'ChangeJournal'],
    scaling      : ['ScalingBackend'],
    cost         : ['BillingImporter'],
    distribution : ['ReplicationChannel', 'EdgeCache', 'HlcStateStore'],
    observability: ['AlertStateStore', 'EscalationStateStore'],
]
// Only some SPIs have providers: dr-core's ChunkCipher and ChangeJournal are wired explicitly
// (DisasterRecovery.builder()), as are distribution-core's HlcStateStore (Hlc.builder()) and
// tenancy-core's ProvisioningJournal and TenantDataStore.
def services = [
    tenancy      : ['dev.tdeveloper.tenancy.spi.TenantRegistryProvider',
                    'dev.tdeveloper.tenancy.spi.QuotaStoreProvider',
                    'dev.tdeveloper.tenancy.spi.UsageStoreProvider',
                    'dev.tdeveloper.tenancy.spi.JobLeaseProvider'],
    security     : ['dev.tdeveloper.security.spi.RateLimiterStoreProvider',
                    'dev.tdeveloper.security.spi.KeyManagerProvider',
                    'dev.tdeveloper.security.spi.SecretStoreProvider',
                    'dev.tdeveloper.security.spi.CertificateIssuerProvider'],
    compliance   : ['dev.tdeveloper.compliance.spi.AuditSinkProvider',
                    'dev.tdeveloper.compliance.spi.CheckpointAnchorProvider'],
    dr           : ['dev.tdeveloper.dr.spi.BackupStoreProvider'],
    scaling      : ['dev.tdeveloper.scaling.spi.ScalingBackendProvider'],
    cost         : ['dev.tdeveloper.cost.spi.BillingImporterProvider'],
    distribution : ['dev.tdeveloper.distribution.spi.ReplicationChannelProvider',
                    'dev.tdeveloper.distribution.spi.EdgeCacheProvider'],
    observability: ['dev.tdeveloper.observability.spi.AlertStateStoreProvider',
                    'dev.tdeveloper.observability.spi.EscalationStateStoreProvider'],
]

def value = request.properties.get('cores')
def chosen = value.split(',', -1).collect { it.trim() }
def unknown = chosen.findAll { !spis.containsKey(it) }
if (chosen.isEmpty() || !unknown.isEmpty() || chosen.size() != (chosen as Set).size()) {
  throw new IllegalArgumentException(
      "cores='${value}' is not valid: give one or more of ${spis.keySet().join(', ')}, " +
      "comma-separated, each at most once" + (unknown ? " (unknown: ${unknown.join(', ')})" : ''))
}
def cores = chosen as Set

spis.each { core, names ->
  if (!cores.contains(core)) {
    names.each { name ->
      ['', 'Provider'].each { suffix ->
        Files.deleteIfExists(root.resolve("src/main/java/${packagePath}/${cloud}${name}${suffix}.java"))
      }
      Files.deleteIfExists(root.resolve("src/test/java/${packagePath}/${cloud}${name}Test.java"))
    }
    services[core].each { Files.deleteIfExists(root.resolve("src/main/resources/META-INF/services/${it}")) }
  }
}

// Every core now registers a provider, but a folder left empty is still dropped, should one not.
def dir = root.resolve('src/main/resources/META-INF/services')
while (dir != root.resolve('src/main') && dir.toFile().list()?.length == 0) {
  Files.delete(dir)
  dir = dir.parent
}
