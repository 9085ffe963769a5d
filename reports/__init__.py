"""« Signaler une erreur »: what the public reports about a resource, and the editors' queue."""
