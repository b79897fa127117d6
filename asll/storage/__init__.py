"""Storage: the register workbook, its journal and the state files. Uses the domain only."""
