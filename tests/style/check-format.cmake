# SPDX-License-Identifier: MIT
# cmake -DSOURCE_DIR=... -DCLANG_FORMAT=... -P check-format.cmake: fails naming every C++ file of
# the product, its tests and benchmarks that differs from .clang-format. Fix with:
#   clang-format -i $(git ls-files '*.h' '*.cpp')
file(GLOB_RECURSE sources
    "${SOURCE_DIR}/core/*.h" "${SOURCE_DIR}/core/*.cpp"
    "${SOURCE_DIR}/ui/*.h" "${SOURCE_DIR}/ui/*.cpp"
    "${SOURCE_DIR}/app/*.h" "${SOURCE_DIR}/app/*.cpp"
    "${SOURCE_DIR}/tests/*.h" "${SOURCE_DIR}/tests/*.cpp"
    "${SOURCE_DIR}/bench/*.h" "${SOURCE_DIR}/bench/*.cpp")
execute_process(
    COMMAND "${CLANG_FORMAT}" --dry-run -Werror --style=file ${sources}
    WORKING_DIRECTORY "${SOURCE_DIR}"
    RESULT_VARIABLE result
    ERROR_VARIABLE differences)
if(NOT result EQUAL 0)
    string(REGEX MATCHALL "[^\n]*: error: code should be clang-formatted" lines "${differences}")
    set(files "")
    foreach(line IN LISTS lines)
        string(REGEX REPLACE ":[0-9]+:[0-9]+: error: code should be clang-formatted" "" file "${line}")
        list(APPEND files "${file}")
    endforeach()
    list(REMOVE_DUPLICATES files)
    list(JOIN files "\n  " listed)
    message(FATAL_ERROR "These files differ from .clang-format (clang-format -i FILE fixes them):\n  ${listed}")
endif()
