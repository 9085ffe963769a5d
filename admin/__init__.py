"""The back office: editing with history and conflicts, freshness, imports and exports."""
