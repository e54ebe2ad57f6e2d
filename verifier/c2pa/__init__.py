"""C2PA Content Credentials: states, trust attribution and the manifest view for the detector."""
