"""Reads the gateway's OGC API as an analyst's script would with OWSLib: the incidents'
queryables, then the incidents a CQL2 filter selects. Prints one JSON document for the test."""
import json
import sys

from owslib.ogcapi.features import Features

api = Features(sys.argv[1])
queryables = api.collection_queryables('incidents')
items = api.collection_items('incidents', filter=sys.argv[2], limit=1000)
print(json.dumps({
    'queryables': sorted(queryables.get('properties', {}).keys()),
    'numberMatched': items.get('numberMatched'),
    'ids': [feature['id'] for feature in items['features']],
}))
