"""The register in the browser (`asll serve`): Django, configured in code from asll.toml.

Django brings what must not be written by hand: sessions, CSRF protection, password
hashing (Argon2), and, with django-axes, the login-attempt limit. Pages are rendered on the
server with Jinja2 templates; no build step. Nothing here is imported by the other
commands: `asll serve` and `asll comptes` import this package inside their functions.
"""
