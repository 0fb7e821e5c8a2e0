# data/gbt4754-2017.csv and data/industry-chains-demo.csv → C++ string constants.
file(READ ${SRC}/gbt4754-2017.csv gbt)
file(READ ${SRC}/industry-chains-demo.csv chains)
file(READ ${SRC}/regions.csv regions)
file(WRITE ${OUT}.tmp "#include \"zhaoshang/catalog/catalog_data.hpp\"\nnamespace zhaoshang::catalog {\nconst char* Gbt4754Csv() {\n  return R\"zcsv(${gbt})zcsv\";\n}\nconst char* DemoChainsCsv() {\n  return R\"zcsv(${chains})zcsv\";\n}\nconst char* RegionsCsv() {\n  return R\"zcsv(${regions})zcsv\";\n}\n}  // namespace zhaoshang::catalog\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
