"""Security: passwords, API tokens, sessions and CSRF, security headers, rate and size limits."""
