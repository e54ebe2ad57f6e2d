"""The PySide6 desktop app. Only presentation lives here: no parsing, no fusion."""
