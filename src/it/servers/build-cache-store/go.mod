module gomvn.test/build-cache-store

go 1.22
