"""The resource classes behind the client's attributes."""
