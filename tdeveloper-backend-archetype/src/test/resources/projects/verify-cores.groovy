// Shared by each project's verify.groovy: the generated project holds the classes, tests, provider
// registrations and dependencies of exactly the cores its archetype.properties chose.
def properties = new Properties()
new File(basedir, 'archetype.properties').withInputStream { properties.load(it) }
def chosen = properties.getProperty('cores').split(',').collect { it.trim() } as Set
def cloud = properties.getProperty('cloud')
def sources = properties.getProperty('package').replace('.', '/')
// The archetype plugin hands the generated project's directory in the map 'context'.
def generated = new File(
    (binding.hasVariable('projectDir') ? projectDir : context.projectDir).toString())

def expected = [
    tenancy      : [spis: ['TenantRegistry', 'QuotaStore', 'UsageStore', 'ProvisioningJournal', 'TenantDataStore',
                           'JobLease'],
                    providers: ['TenantRegistry', 'QuotaStore', 'UsageStore', 'JobLease'],
                    spi: 'dev.tdeveloper.tenancy.spi'],
    security     : [spis: ['RateLimiterStore', 'KeyManager', 'SecretStore', 'CertificateIssuer'],
                    providers: ['RateLimiterStore', 'KeyManager', 'SecretStore', 'CertificateIssuer'],
                    spi: 'dev.tdeveloper.security.spi'],
    compliance   : [spis: ['AuditSink', 'CheckpointAnchor'], providers: ['AuditSink', 'CheckpointAnchor'],
                    spi: 'dev.tdeveloper.compliance.spi'],
    // ChunkCipher and ChangeJournal have no provider: they are passed to DisasterRecovery.builder().
    dr           : [spis: ['BackupStore', 'ChunkCipher', 'ChangeJournal'], providers: ['BackupStore'],
                    spi: 'dev.tdeveloper.dr.spi'],
    scaling      : [spis: ['ScalingBackend'], providers: ['ScalingBackend'],
                    spi: 'dev.tdeveloper.scaling.spi'],
    cost         : [spis: ['BillingImporter'], providers: ['BillingImporter'],
                    spi: 'dev.tdeveloper.cost.spi'],
    // HlcStateStore has no provider: it is passed to Hlc.builder().
    distribution : [spis: ['ReplicationChannel', 'EdgeCache', 'HlcStateStore'],
                    providers: ['ReplicationChannel', 'EdgeCache'],
                    spi: 'dev.tdeveloper.distribution.spi'],
    observability: [spis: ['AlertStateStore', 'EscalationStateStore'],
                    providers: ['AlertStateStore', 'EscalationStateStore'],
                    spi: 'dev.tdeveloper.observability.spi'],
]
assert expected.keySet().containsAll(chosen) : "unknown cores in archetype.properties: ${chosen}"

def problems = []
def check = { File file, boolean wanted ->
  if (file.isFile() != wanted) {
    problems << "${wanted ? 'missing' : 'left over'}: ${generated.toPath().relativize(file.toPath())}"
  }
}
def pom = new File(generated, 'pom.xml').text
expected.each { core, spec ->
  boolean wanted = chosen.contains(core)
  spec.spis.each { name ->
    check(new File(generated, "src/main/java/${sources}/${cloud}${name}.java"), wanted)
    check(new File(generated, "src/test/java/${sources}/${cloud}${name}Test.java"), wanted)
  }
  (spec.spis - spec.providers).each { name ->
    check(new File(generated, "src/main/java/${sources}/${cloud}${name}Provider.java"), false)
  }
  spec.providers.each { name ->
    check(new File(generated, "src/main/java/${sources}/${cloud}${name}Provider.java"), wanted)
    File service = new File(generated, "src/main/resources/META-INF/services/${spec.spi}.${name}Provider")
    check(service, wanted)
    if (wanted && service.isFile() && service.text.trim() != "${properties.getProperty('package')}.${cloud}${name}Provider") {
      problems << "wrong registration in ${service.name}: ${service.text.trim()}"
    }
  }
  ["${core}-core", "${core}-testkit"].each { artifact ->
    if (pom.contains("<artifactId>${artifact}</artifactId>") != wanted) {
      problems << "pom.xml ${wanted ? 'lacks' : 'still has'} ${artifact}"
    }
  }
}
// Nothing registered beyond the chosen cores' providers (a stray file would be loaded by ServiceLoader).
def registered = (new File(generated, 'src/main/resources/META-INF/services').list() ?: []) as Set
def expectedRegistrations = chosen.collectMany { core ->
  expected[core].providers.collect { "${expected[core].spi}.${it}Provider".toString() }
} as Set
(registered - expectedRegistrations).each { problems << "unexpected registration: ${it}" }
assert problems.isEmpty() : "generated project ${generated} does not match cores=${chosen}:\n" + problems.join('\n')
return true
