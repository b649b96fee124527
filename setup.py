"""Package list only; every other piece of metadata lives in pyproject.toml.

The folder is called ``site/`` as the client asked, but ``site`` is the standard library's
start-up module (imported before ``sys.path`` is even set up), so ``import site.settings``
can never work. The folder is installed under the import name ``orne_site`` instead, and
``packages.find`` cannot rename, hence this file.
"""

from setuptools import find_packages, setup

RENAMED = {"site": "orne_site"}
TOP_LEVEL = ["site", "commerce", "merchants", "checkout", "search"]


def _packages() -> list[str]:
    found = find_packages(include=[f"{name}*" for name in TOP_LEVEL])
    packages = []
    for package in found:
        head, _, tail = package.partition(".")
        packages.append(".".join(filter(None, [RENAMED.get(head, head), tail])))
    return packages


setup(
    packages=_packages(),
    package_dir={new: old for old, new in RENAMED.items()},
    include_package_data=True,
)
