"""What content may contain: nh3's allow-list (policy.py). The portal reader
(plugins/portal/reader.py) cleans every body and summary with it as it reads,
and reports what it removed to the editor."""
