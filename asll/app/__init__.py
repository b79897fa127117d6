"""The application: command line, service, status, logs, import and privacy commands."""
