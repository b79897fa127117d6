"""The domain: dossiers, their rules and the words of the trade. Imports nothing above it."""
