"""Production settings: the development ones, with the public address."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: F403

SITEURL = ""  # links stay root-relative; canonical URLs use SITE_CANONICAL_URL
SITE_CANONICAL_URL = "https://tphongngu.dongthap.gov.vn"
# Where `invoke publish` deploys when no target is given on the command line
# or in PORTAL_PUBLISH_TARGET: a folder, or user@host:/path for rsync over SSH.
PUBLISH_TARGET = ""
