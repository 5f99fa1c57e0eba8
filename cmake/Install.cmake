# Installing ordergate as a service: `cmake --install build/release` puts the
# binary, an example config and a systemd unit in place; `cpack` (from the
# build folder) makes a .deb that Debian 12 installs and starts. The binary is
# self-contained (its WSDLs and schemas are embedded); its data lives in
# /var/lib/ordergate (the unit's StateDirectory).
include(GNUInstallDirs)

install(TARGETS ordergate RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# The unit names the installed paths. The presets install under /usr (the
# layout of the .deb: /usr/bin, /etc/ordergate, /usr/lib/systemd/system), so
# that `cmake --install` and the package put the same files in the same places.
set(OG_BINDIR ${CMAKE_INSTALL_FULL_BINDIR})
set(OG_SYSCONFDIR ${CMAKE_INSTALL_FULL_SYSCONFDIR})
configure_file(${CMAKE_CURRENT_LIST_DIR}/install/ordergate.service ${CMAKE_BINARY_DIR}/install/ordergate.service @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/install/ordergate.service DESTINATION lib/systemd/system)
install(FILES ${CMAKE_CURRENT_LIST_DIR}/install/ordergate.conf DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/ordergate)
install(FILES COPYING README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME ordergate)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "ordergate developers <ordergate@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "order server for Veloconnect, SAP SRM shopping carts and an e-procurement hub")
set(CPACK_PACKAGE_DESCRIPTION
    "ordergate lets buyers and sellers exchange orders over the procurement protocols they run: a Veloconnect supplier server, SAP SRM internal request services and an e-procurement hub, on an embedded SQLite store.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_LICENSE GPL-2+)
# The library packages the binary links (libsqlite3, libxml2, libssl, libgsoap, boost) from dpkg-shlibdeps.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "systemd, procps")
# /etc/ordergate/ordergate.conf is a conffile: an upgrade keeps the operator's edits.
file(WRITE ${CMAKE_BINARY_DIR}/install/conffiles "${CMAKE_INSTALL_FULL_SYSCONFDIR}/ordergate/ordergate.conf\n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${CMAKE_CURRENT_LIST_DIR}/install/postinst ${CMAKE_CURRENT_LIST_DIR}/install/prerm
    ${CMAKE_CURRENT_LIST_DIR}/install/postrm ${CMAKE_BINARY_DIR}/install/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
