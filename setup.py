"""Which packages ship: every package below generator/ is found, so a new stage cannot be left out of
the wheel, and the themes, which live at the top of the repository, ship inside it as generator.themes.
Everything else about the package is in pyproject.toml."""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["generator", "generator.*"]), "generator.themes"],
      package_dir={"generator.themes": "themes"})
