// The generated project holds exactly the chosen cores' classes, tests, registrations and dependencies.
evaluate(new File(basedir, '../verify-cores.groovy'))
