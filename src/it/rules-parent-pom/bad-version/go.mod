module example.com/bad-version

go 1.99

require github.com/google/uuid v1.6.0
