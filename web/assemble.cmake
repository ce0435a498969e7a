# Assembles the page into DEST: the page's own files from SOURCE (web/: index.html, css, js and
# data, whose admin1.geojson scripts/gen_admin1.py writes from Natural Earth) and the libraries' dist
# files from SOURCE/node_modules (installed by scripts/setup.sh with `npm ci`) into DEST/vendor.
# Run by the build (target faultline_web): cmake -DSOURCE=web -DDEST=build/web -P web/assemble.cmake
file(MAKE_DIRECTORY "${DEST}/vendor")
file(COPY "${SOURCE}/index.html" "${SOURCE}/css" "${SOURCE}/js" "${SOURCE}/data" DESTINATION "${DEST}")

set(modules "${SOURCE}/node_modules")
set(vendor_files
  "leaflet/dist/leaflet.js"
  "leaflet/dist/leaflet.css"
  "d3/dist/d3.min.js"
  "topojson-client/dist/topojson-client.min.js"
  "cytoscape/dist/cytoscape.min.js"
  "world-atlas/countries-50m.json")
set(missing "")
foreach(f IN LISTS vendor_files)
  if(EXISTS "${modules}/${f}")
    file(COPY "${modules}/${f}" DESTINATION "${DEST}/vendor")
  else()
    list(APPEND missing "${f}")
  endif()
endforeach()
if(missing)
  message(WARNING "web page: missing npm files (run scripts/setup.sh, which runs npm ci in web/): ${missing}")
endif()
