"""Read-only queries: what the ingress (deployments/) and the actors may read without a salon's
actor. Nothing here writes; every write goes through the salon's actor (db/ outside this package).
"""
