"""Hostile probes of the Docker sandbox: run only by tests/test_sandbox.py.

Each probe is a `// run` case for gc whose .out is the safe result (or, for the memory
hog and the spinner, whose expected verdict test_sandbox.py names). They must not run as
ordinary cases: on the local toolchain nothing contains them. test_sandbox.py runs this
directory with --noconftest, so this file hides them from every other session.
"""

collect_ignore_glob = ["*.go"]
