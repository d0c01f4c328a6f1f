module example.com/hello-cli

go 1.22
