"""The home page: the plans one may read, and for the head and a librarian what needs them now."""
