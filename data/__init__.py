"""The packaged hemifacial-spasm dataset (hemifacial_spasm.toml), read with importlib.resources."""
