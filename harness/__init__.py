"""refgo's regression harness: a pytest plugin that runs Go-style self-describing test files.

    $ pytest cases/                                   # refgo, Docker if available
    $ pytest --compiler=gc /usr/share/go-1.19/test/   # Go's own suite against gc

Modules: plugin (collection, options, items), directives (case headers),
constraints (build tags), errorcheck and asmcheck (the two checkers with their
own syntax), cases (running one case), compilers (command lines for refgo and
gc), toolchain (the Executor contract and the local executor), cost (the
compile cost of cases and the run's slowest and largest compiles), goquote (Go
string quoting for run.go-identical reports). container (the Docker executor)
and sharding (--shard) are plugins that plugin.py loads through pytest_plugins.
"""
