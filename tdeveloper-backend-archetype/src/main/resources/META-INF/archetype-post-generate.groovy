// Removes the classes, tests and provider registrations of the cores that were not chosen.
import java.nio.file.Files
import java.nio.file.Path

def cores = request.properties.get('cores').split(',').collect { it.trim() } as Set
def root = Path.of(request.outputDirectory, request.artifactId)
def packagePath = request.properties.get('package').replace('.', '/')
def cloud = request.properties.get('cloud')
def spis = [
    tenancy : ['TenantRegistry', 'QuotaStore', 'UsageStore', 'ProvisioningJournal', 'TenantDataStore'],
    security: ['RateLimiterStore', 'KeyManager', 'SecretStore', 'CertificateIssuer'],
]
def services = [
    tenancy : ['dev.tdeveloper.tenancy.spi.TenantRegistryProvider',
               'dev.tdeveloper.tenancy.spi.QuotaStoreProvider',
               'dev.tdeveloper.tenancy.spi.UsageStoreProvider'],
    security: ['dev.tdeveloper.security.spi.RateLimiterStoreProvider',
               'dev.tdeveloper.security.spi.KeyManagerProvider',
               'dev.tdeveloper.security.spi.SecretStoreProvider',
               'dev.tdeveloper.security.spi.CertificateIssuerProvider'],
]
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
