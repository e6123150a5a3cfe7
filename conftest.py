"""Root conftest: loads the refgo harness plugin when pytest runs inside the repository.

The same module is registered by the `pytest11` entry point named `harness.plugin`,
so pytest loads it once either way.
"""

pytest_plugins = ["harness.plugin"]
