"""The packaged hemifacial-spasm dataset (hemifacial_spasm.toml), read through the package's
loader by store.py."""
