-- wrk script: authenticates with VIGIL_KEY and asks for TAXII 2.1.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("VIGIL_KEY")
wrk.headers["Accept"] = "application/taxii+json;version=2.1"
